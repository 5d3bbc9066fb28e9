package cn.minsheng.ballot.ballot;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import cn.minsheng.ballot.support.Api;
import cn.minsheng.ballot.support.Api.Hall;
import cn.minsheng.ballot.support.SealedPath;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class CastingTest {

    /** An open SECRET APPROVAL ballot over 15 fixture candidates for 10 seats. */
    private static String openBallot(Hall hall, List<String> candidates, Map<String, Object> extra) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("title", "票决", "kind", "SELECTION", "seats", 10,
                "minSurplus", 2, "itemIds", candidates));
        body.putAll(extra);
        return Api.openBallot(hall, body);
    }

    private static List<String> candidates(Hall hall) {
        var t = hall.tenant();
        return Api.candidates15(t, Api.openWindow(t, 2027));
    }

    @Test
    void twoHundredDeputiesCastAtOnceWithRetriesAndEachCountsOnce() throws Exception {
        Hall hall = Api.hall(200, 200);
        List<String> candidates = candidates(hall);
        String ballot = openBallot(hall, candidates, Map.of());
        Map<Integer, String> receipts = new ConcurrentHashMap<>();
        List<String> problems = Collections.synchronizedList(new ArrayList<>());
        ExecutorService pool = Executors.newFixedThreadPool(24);
        List<Callable<Void>> work = new ArrayList<>();
        for (int d = 0; d < 200; d++) {
            int deputy = d;
            String key = UUID.randomUUID().toString();
            Map<String, String> marks = Api.ticks(candidates.subList(deputy % 5, deputy % 5 + 1 + deputy % 10));
            for (int attempt = 0; attempt < 3; attempt++) {
                work.add(() -> {
                    Response r = Api.cast(hall.deputy(deputy), ballot, marks, key);
                    if (r.statusCode() != 201 && r.statusCode() != 200) {
                        problems.add(deputy + ": " + r.statusCode() + " " + r.asString());
                    } else {
                        String previous = receipts.putIfAbsent(deputy, r.path("tracker"));
                        if (previous != null && !previous.equals(r.path("tracker"))) {
                            problems.add(deputy + ": a retry got another receipt");
                        }
                    }
                    return null;
                });
            }
        }
        for (Future<Void> f : pool.invokeAll(work)) {
            f.get();
        }
        List<Callable<Integer>> newKeys = new ArrayList<>();
        for (int d = 0; d < 200; d++) {
            int deputy = d;
            newKeys.add(() -> Api.cast(hall.deputy(deputy), ballot, Api.ticks(candidates.subList(0, 1))).statusCode());
        }
        for (Future<Integer> f : pool.invokeAll(newKeys)) {
            assertEquals(409, f.get());
        }
        pool.shutdown();
        assertTrue(problems.isEmpty(), String.join("\n", problems));
        assertEquals(200, receipts.size());

        hall.tenant().as().get("/api/v1/ballots/" + ballot + "/turnout").then().body("cast", equalTo(200));
        hall.tenant().as().post("/api/v1/ballots/" + ballot + "/close").then().statusCode(200)
                .body("figures.returned", equalTo(200)).body("figures.valid", equalTo(200));
        List<String> board = SealedPath.boardTrackers(ballot); // the board, and on the sealed path the sealed board
        assertEquals(200, board.size());
        assertEquals(new HashSet<>(receipts.values()), new HashSet<>(board));
    }

    @Test
    void everyRefusalHasItsCode() {
        Hall hall = Api.hall(12, 9);
        var t = hall.tenant();
        List<String> candidates = candidates(hall);
        String sessions = "/api/v1/sessions/" + hall.sessionId();
        String draft = t.as().body(Map.of("title", "票决", "kind", "SELECTION", "seats", 10, "minSurplus", 2, "itemIds", candidates))
                .post(sessions + "/ballots").then().statusCode(201).extract().path("id");
        Api.cast(hall.deputy(0), draft, Api.ticks(candidates.subList(0, 1))).then().statusCode(409)
                .body("code", equalTo("BALLOT_NOT_OPEN"));

        // the surplus rule at open: 11 candidates for 10 seats with a surplus of 2
        String thin = t.as().body(Map.of("title", "差额不足", "kind", "SELECTION", "seats", 10, "minSurplus", 2,
                "itemIds", candidates.subList(0, 11))).post(sessions + "/ballots").then().statusCode(201).extract().path("id");
        t.as().post("/api/v1/ballots/" + thin + "/open").then().statusCode(422).body("code", equalTo("SURPLUS_RULE_BROKEN"));

        // quorum: 2/3 of 12 seated is 8; with 9 present one check-out keeps it, two lose it
        t.as().body(Map.of("deputyId", hall.deputyIds().get(8), "state", "CHECKED_OUT")).post(sessions + "/attendance").then()
                .statusCode(200).body("present", equalTo(8)).body("quorum.met", equalTo(true));
        t.as().body(Map.of("deputyId", hall.deputyIds().get(7), "state", "ON_LEAVE")).post(sessions + "/attendance").then()
                .statusCode(200).body("present", equalTo(7)).body("onLeave", equalTo(1)).body("quorum.met", equalTo(false));
        t.as().post("/api/v1/ballots/" + draft + "/open").then().statusCode(409).body("code", equalTo("QUORUM_NOT_MET"));
        t.as().body(Map.of("deputyId", hall.deputyIds().get(7), "state", "PRESENT")).post(sessions + "/attendance").then()
                .statusCode(200).body("quorum.met", equalTo(true));
        t.as().post("/api/v1/ballots/" + draft + "/open").then().statusCode(200);
        String ballot = draft;

        t.as().body(Map.of("title", "改规则", "kind", "SELECTION", "seats", 9, "itemIds", candidates)).put("/api/v1/ballots/" + ballot)
                .then().statusCode(409).body("code", equalTo("RULES_FROZEN"));
        t.as().get("/api/v1/ballots/" + ballot + "/result").then().statusCode(409).body("code", equalTo("RESULT_NOT_AVAILABLE"));
        Api.as(hall.scrutineers().get(0)).get("/api/v1/ballots/" + ballot + "/result").then().statusCode(409);
        given().get("/api/v1/ballots/" + ballot + "/board").then().statusCode(409).body("code", equalTo("BOARD_NOT_AVAILABLE"));

        // absent (never checked in), checked out, and a deputy added after the session opened
        Api.cast(hall.deputy(10), ballot, Api.ticks(candidates.subList(0, 1))).then().statusCode(403)
                .body("code", equalTo("NOT_PRESENT"));
        Api.cast(hall.deputy(8), ballot, Api.ticks(candidates.subList(0, 1))).then().statusCode(403)
                .body("code", equalTo("NOT_PRESENT"));
        String late = t.as().body(Map.of("name", "补选代表", "username", "late1", "password", Api.PASSWORD))
                .post("/api/v1/congresses/" + t.congressId() + "/deputies").then().statusCode(201).extract().path("id");
        String lateToken = Api.login(t.code(), "late1", Api.PASSWORD);
        Api.as(lateToken).body("{}").post(sessions + "/attendance").then().statusCode(403).body("code", equalTo("NOT_SEATED"));
        Api.cast(lateToken, ballot, Api.ticks(candidates.subList(0, 1))).then().statusCode(403).body("code", equalTo("NOT_SEATED"));
        assertTrue(late.length() > 0);
        // a deputy of another congress does not see this ballot at all
        Hall other = Api.hall(3, 3);
        Api.cast(other.deputy(0), ballot, Api.ticks(candidates.subList(0, 1))).then().statusCode(404);

        // bad marks are refused before anything is stored
        SealedPath.refused(Api.cast(hall.deputy(0), ballot, Api.ticks(candidates.subList(0, 11))), ballot, "TOO_MANY_MARKS");
        SealedPath.refused(Api.cast(hall.deputy(0), ballot, Api.ticks(List.of(UUID.randomUUID().toString()))), ballot, "UNKNOWN_ITEM");
        SealedPath.refused(Api.cast(hall.deputy(0), ballot, Map.of(candidates.get(0), "AGAINST")), ballot, "CHOICE_NOT_ALLOWED");
        Api.as(hall.deputy(0)).body(Map.of("marks", List.of())).post("/api/v1/ballots/" + ballot + "/votes").then()
                .statusCode(400).body("code", equalTo("IDEMPOTENCY_KEY_REQUIRED"));
        Api.as(hall.deputy(0)).header("Idempotency-Key", "x").body(Map.of("marks", List.of()))
                .post("/api/v1/ballots/" + ballot + "/votes").then().statusCode(400).body("code", equalTo("IDEMPOTENCY_KEY_REQUIRED"));
        t.as().get("/api/v1/ballots/" + ballot + "/turnout").then().body("cast", equalTo(0));

        String key = UUID.randomUUID().toString();
        Api.cast(hall.deputy(0), ballot, Api.ticks(candidates.subList(0, 2)), key).then().statusCode(201);
        Api.cast(hall.deputy(0), ballot, Api.ticks(candidates.subList(0, 2)), key).then().statusCode(200);
        Api.cast(hall.deputy(0), ballot, Api.ticks(candidates.subList(0, 3)), key).then().statusCode(409)
                .body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        Api.cast(hall.deputy(0), ballot, Api.ticks(candidates.subList(0, 2))).then().statusCode(409)
                .body("code", equalTo("ALREADY_VOTED"));
        Api.as(hall.scrutineers().get(0)).header("Idempotency-Key", UUID.randomUUID().toString())
                .body(Map.of("marks", List.of())).post("/api/v1/ballots/" + ballot + "/votes").then().statusCode(403);

        t.as().post(sessions + "/close").then().statusCode(409).body("code", equalTo("BALLOT_STILL_OPEN"));
        t.as().post("/api/v1/ballots/" + ballot + "/close").then().statusCode(200);
        t.as().post("/api/v1/ballots/" + ballot + "/close").then().statusCode(409).body("code", equalTo("BALLOT_CLOSED"));
        Api.cast(hall.deputy(1), ballot, Api.ticks(candidates.subList(0, 1))).then().statusCode(409)
                .body("code", equalTo("BALLOT_CLOSED"));
        t.as().get("/api/v1/ballots/" + ballot + "/turnout").then().body("cast", equalTo(1)).body("status", equalTo("CLOSED"));
    }

    @Test
    void paperLikeTabletsTakeAnOvermarkedBallotAsInvalid() {
        Hall hall = Api.hall(4, 4);
        List<String> candidates = candidates(hall);
        String ballot = openBallot(hall, candidates, Map.of("acceptOvermarked", true, "seats", 2, "minSurplus", 1));
        Api.cast(hall.deputy(0), ballot, Api.ticks(candidates.subList(0, 3))).then().statusCode(201)
                .body("valid", equalTo(false)).body("invalidReason", equalTo("TOO_MANY_MARKS"));
        Api.cast(hall.deputy(1), ballot, Api.ticks(candidates.subList(0, 2))).then().statusCode(201).body("valid", equalTo(true));
        SealedPath.refused(Api.cast(hall.deputy(2), ballot, Api.ticks(List.of(UUID.randomUUID().toString()))), ballot, "UNKNOWN_ITEM");
        hall.tenant().as().post("/api/v1/ballots/" + ballot + "/close").then().statusCode(200)
                .body("figures.returned", equalTo(2)).body("figures.valid", equalTo(1)).body("figures.invalid", equalTo(1))
                .body("figures.invalidByReason.TOO_MANY_MARKS", equalTo(1)).body("figures.items[0].forCount", equalTo(1));
    }

    /** The table holding a closed SECRET ballot's tablet ballots (the sealed variant: the encrypted ones). */
    String contentTable() {
        return "ballot_content";
    }

    Set<String> contentColumns() {
        return Set.of("id", "ballot_id", "tracker", "nonce", "marks", "channel");
    }

    @Test
    void aClosedSecretBallotLinksNoContentToADeputy() throws Exception {
        Hall hall = Api.hall(40, 40);
        List<String> candidates = candidates(hall);
        String ballot = openBallot(hall, candidates, Map.of("seats", 12, "minSurplus", 3));
        // each deputy's ballot is distinguishable: deputy i ticks a distinct subset
        List<String> castOrder = new ArrayList<>();
        for (int i = 0; i < 40; i++) {
            List<String> mine = new ArrayList<>();
            for (int bit = 0; bit < 6; bit++) {
                if (((i + 1) >> bit & 1) == 1) {
                    mine.add(candidates.get(bit));
                }
            }
            Response r = Api.cast(hall.deputy(i), ballot, Api.ticks(mine));
            r.then().statusCode(201);
            castOrder.add(r.path("tracker"));
        }
        hall.tenant().as().post("/api/v1/ballots/" + ballot + "/close").then().statusCode(200);
        String url = Api.config("quarkus.datasource.jdbc.url");
        try (Connection db = DriverManager.getConnection(url, "minsheng_owner", "minsheng_owner")) {
            Set<String> columns = new HashSet<>();
            try (ResultSet rs = db.createStatement().executeQuery(
                    "SELECT column_name FROM information_schema.columns WHERE table_name = '" + contentTable() + "'")) {
                while (rs.next()) {
                    columns.add(rs.getString(1));
                }
            }
            assertEquals(contentColumns(), columns);
            List<String> physical = new ArrayList<>();
            Set<String> xmins = new HashSet<>();
            try (ResultSet rs = db.createStatement().executeQuery("SELECT tracker, xmin::text FROM " + contentTable() + " WHERE ballot_id = '"
                    + ballot + "' ORDER BY ctid")) {
                while (rs.next()) {
                    physical.add(rs.getString(1));
                    xmins.add(rs.getString(2));
                }
            }
            assertEquals(1, xmins.size(), "every row rewritten by the closing transaction");
            assertEquals(40, physical.size());
            // Spearman's rank correlation between cast order and row order: a random permutation of 40
            // has |rho| above 0.6 with probability below 1e-4
            double d2 = 0;
            for (int i = 0; i < 40; i++) {
                double diff = i - physical.indexOf(castOrder.get(i));
                d2 += diff * diff;
            }
            double rho = 1 - 6 * d2 / (40.0 * (40 * 40 - 1));
            assertTrue(Math.abs(rho) < 0.6, "row order follows cast order: rho = " + rho);
            try (ResultSet rs = db.createStatement().executeQuery("SELECT count(*) FROM participation WHERE ballot_id = '" + ballot
                    + "' AND (key_hash IS NOT NULL OR body_mac IS NOT NULL OR receipt_enc IS NOT NULL)")) {
                rs.next();
                assertEquals(0, rs.getInt(1), "retry secrets wiped at close");
            }
            try (ResultSet rs = db.createStatement().executeQuery("SELECT count(*) FROM named_vote WHERE ballot_id = '" + ballot + "'")) {
                rs.next();
                assertEquals(0, rs.getInt(1));
            }
        }
    }

    @Test
    void aNamedBallotPublishesWhoVotedHowWithTheSameCounts() {
        Hall hall = Api.hall(5, 5);
        var t = hall.tenant();
        String motion = t.as().body(Map.of("title", "通过《民生实事项目人大代表票决办法》", "kind", "MOTION", "secrecy", "NAMED",
                "motion", "票决办法（草案）")).post("/api/v1/sessions/" + hall.sessionId() + "/ballots").then().statusCode(201)
                .body("method", equalTo("YES_NO_ABSTAIN")).extract().path("id");
        t.as().post("/api/v1/ballots/" + motion + "/open").then().statusCode(200);
        String item = t.as().get("/api/v1/ballots/" + motion).path("items[0].id");
        String[] choices = { "FOR", "FOR", "FOR", "AGAINST", "ABSTAIN" };
        for (int i = 0; i < 5; i++) {
            Api.cast(hall.deputy(i), motion, Map.of(item, choices[i])).then().statusCode(201);
        }
        t.as().post("/api/v1/ballots/" + motion + "/close").then().statusCode(200)
                .body("figures.items[0].forCount", equalTo(3)).body("figures.items[0].againstCount", equalTo(1))
                .body("figures.items[0].abstainCount", equalTo(1)).body("figures.items[0].outcome", equalTo("ADOPTED"));
        given().get("/api/v1/ballots/" + motion + "/board").then().statusCode(200)
                .body("entries.findAll { it.deputyName != null }", hasSize(5))
                .body("entries.find { it.deputyName == '代表0004' }.marks[0].choice", equalTo("AGAINST"));
    }

    @Test
    void aBallotClosedWhileCastsAreInFlightCountsEveryAcknowledgedCast() throws Exception {
        Hall hall = Api.hall(120, 120);
        List<String> candidates = candidates(hall);
        String ballot = openBallot(hall, candidates, Map.of());
        ExecutorService pool = Executors.newFixedThreadPool(16);
        List<Future<Response>> casts = new ArrayList<>();
        for (int d = 0; d < 120; d++) {
            int deputy = d;
            casts.add(pool.submit(() -> Api.cast(hall.deputy(deputy), ballot, Api.ticks(candidates.subList(0, 1 + deputy % 10)))));
            if (d == 60) {
                casts.add(pool.submit(() -> hall.tenant().as().post("/api/v1/ballots/" + ballot + "/close")));
            }
        }
        Set<String> acknowledged = new HashSet<>();
        int refused = 0;
        Integer counted = null;
        for (Future<Response> f : casts) {
            Response r = f.get();
            if (r.path("figures") != null) {
                counted = r.path("figures.returned");
            } else if (r.statusCode() == 201) {
                acknowledged.add(r.path("tracker"));
            } else {
                assertEquals(409, r.statusCode(), r.asString());
                assertEquals("BALLOT_CLOSED", r.path("code"));
                refused++;
            }
        }
        pool.shutdown();
        assertEquals(120, acknowledged.size() + refused);
        assertEquals(acknowledged.size(), counted);
        List<String> board = SealedPath.boardTrackers(ballot);
        assertEquals(acknowledged.size(), board.size());
        assertEquals(acknowledged, new HashSet<>(board));
        hall.tenant().as().get("/api/v1/ballots/" + ballot + "/turnout").then().body("cast", equalTo(acknowledged.size()));
    }

    @Test
    void aTabletHammeringTheCastEndpointIsSlowedDown() {
        Hall hall = Api.hall(2, 2);
        List<String> candidates = candidates(hall);
        String ballot = openBallot(hall, candidates, Map.of());
        String key = UUID.randomUUID().toString();
        for (int i = 0; i < 12; i++) {
            Api.cast(hall.deputy(0), ballot, Api.ticks(candidates.subList(0, 1)), key).then().statusCode(i == 0 ? 201 : 200);
        }
        Response limited = Api.cast(hall.deputy(0), ballot, Api.ticks(candidates.subList(0, 1)), key);
        limited.then().statusCode(429).contentType("application/problem+json").body("code", equalTo("RATE_LIMITED"));
        assertTrue(Long.parseLong(limited.header("Retry-After")) > 0);
        // another deputy is not affected
        Api.cast(hall.deputy(1), ballot, Api.ticks(candidates.subList(0, 1))).then().statusCode(201);
    }
}
