package cn.minsheng.ballot.support;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;

import com.fasterxml.jackson.databind.JsonNode;

/** A congress in session with an open ballot and N logged-in, checked-in deputies. */
public record RemotePlenary(String code, String ballotId, List<String> items, List<String> deputies, String secretariat) {

    /** What runs after the session opened and before its ballot opens (a key ceremony, say). */
    @FunctionalInterface
    public interface BeforeOpen {
        void run(RemoteClient c, String admin, String congressId, String code, String sessionId, String secretariat) throws Exception;
    }

    public static RemotePlenary setUp(RemoteClient c, String admin, int n) throws Exception {
        return setUp(c, admin, n, null);
    }

    public static RemotePlenary setUp(RemoteClient c, String admin, int n, BeforeOpen beforeOpen) throws Exception {
        Hall h = hall(c, admin, n);
        String ballot = c.post("/api/v1/sessions/" + h.sessionId() + "/ballots", h.secretariat(), Map.of("title", "票决", "kind",
                "SELECTION", "seats", 10, "minSurplus", 2, "itemIds", h.items())).get("id").asText();
        if (beforeOpen != null) {
            beforeOpen.run(c, admin, h.congressId(), h.code(), h.sessionId(), h.secretariat());
        }
        c.post("/api/v1/ballots/" + ballot + "/open", h.secretariat(), null);
        return new RemotePlenary(h.code(), ballot, h.items(), h.deputies(), h.secretariat());
    }

    /** A congress, its secretariat's token, 15 candidates and an open session with N deputies logged in and checked in. */
    public record Hall(String code, String congressId, String sessionId, List<String> items, List<String> deputies, String secretariat) {
    }

    public static Hall hall(RemoteClient c, String admin, int n) throws Exception {
        String code = "bench" + Long.toString(System.nanoTime(), 36);
        String congress = c.post("/api/v1/congresses", admin, Map.of("code", code, "name", "压测人大" + n, "level", "CITY"))
                .get("id").asText();
        c.post("/api/v1/congresses/" + congress + "/accounts", admin, Map.of("username", "sec", "password", "bench-password-1",
                "role", "secretariat"));
        String sec = c.login(code, "sec", "bench-password-1");
        StringBuilder csv = new StringBuilder("code,name\n");
        for (int i = 1; i <= n; i++) {
            csv.append("B").append(i).append(",代表").append(i).append('\n');
        }
        JsonNode imported = c.send("POST", "/api/v1/congresses/" + congress + "/deputies/import?createLogins=true", sec,
                csv.toString().getBytes(StandardCharsets.UTF_8), Map.of("Content-Type", "text/csv")).ok();
        String window = c.post("/api/v1/congresses/" + congress + "/solicitations", sec, Map.of("year", 2027, "title", "征集",
                "opensAt", "2020-01-01T00:00:00Z", "closesAt", "2100-01-01T00:00:00Z")).get("id").asText();
        List<String> items = new ArrayList<>();
        for (int i = 0; i < 15; i++) {
            String proposal = c.post("/api/v1/solicitations/" + window + "/proposals", sec,
                    Map.of("title", "项目" + i, "summary", "内容", "category", "OTHER")).get("id").asText();
            items.add(c.post("/api/v1/proposals/" + proposal + "/screening", sec, Map.of("decision", "ACCEPT", "department",
                    "局" + i, "estimatedBudget", 100)).get("candidateId").asText());
        }
        String session = c.post("/api/v1/congresses/" + congress + "/sessions", sec, Map.of("name", "会议", "kind", "PLENARY",
                "startsOn", "2027-01-10", "endsOn", "2027-01-12")).get("id").asText();
        c.post("/api/v1/sessions/" + session + "/open", sec, null);
        List<String> tokens = Collections.synchronizedList(new ArrayList<>());
        List<CompletableFuture<Void>> pending = new ArrayList<>();
        Semaphore gate = new Semaphore(32);
        for (JsonNode login : imported.get("logins")) {
            gate.acquire();
            pending.add(c.sendAsync("POST", "/api/v1/auth/login", null, Map.of("congressCode", code, "username",
                    login.get("username").asText(), "password", login.get("initialPassword").asText()), Map.of())
                    .thenCompose(r -> {
                        String token = r.ok().get("accessToken").asText();
                        tokens.add(token);
                        try {
                            return c.sendAsync("POST", "/api/v1/sessions/" + session + "/attendance", token, Map.of(), Map.of());
                        } catch (Exception e) {
                            throw new IllegalStateException(e);
                        }
                    }).thenAccept(r -> r.ok()).whenComplete((x, e) -> gate.release()));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).get();
        return new Hall(code, congress, session, items, tokens, sec);
    }
    }
