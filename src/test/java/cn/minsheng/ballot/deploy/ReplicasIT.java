package cn.minsheng.ballot.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.Test;

import cn.minsheng.ballot.support.RemoteClient;
import cn.minsheng.ballot.support.RemotePlenary;
import cn.minsheng.ballot.support.ServiceProcess;
import cn.minsheng.ballot.support.SseEvents;

/**
 * Two instances of the packaged service on different ports over one database, as two replicas:
 * a cast on one reaches the other's turnout stream, a token from one works on the other, a login
 * lockout and the cast rate limit hold across both, and a scheduled round never runs on both.
 */
class ReplicasIT {

    private static final String DATABASE = "minsheng_replicas";
    private static final Pattern ROUND = Pattern.compile("light round (\\d+) run by");

    @Test
    void twoReplicasBehaveAsOneService() throws Exception {
        ServiceProcess.ensureDatabase(DATABASE);
        Path keys = ServiceProcess.newKeyPair();
        Map<String, String> env = Map.of("QUARKUS_LOG_LEVEL", "WARN", "QUARKUS_LOG_CATEGORY__CN_MINSHENG__LEVEL", "INFO",
                "MINSHENG_LIGHT_EVERY", "2s", "MINSHENG_CAST_ACCOUNT_LIMIT", "8");
        long firstRound = Instant.now().getEpochSecond() / 2 + 2;
        try (ServiceProcess a = ServiceProcess.start(18281, DATABASE, keys, env);
                ServiceProcess b = ServiceProcess.start(18282, DATABASE, keys, env)) {
            RemoteClient onA = new RemoteClient(a.base(), 2);
            RemoteClient onB = new RemoteClient(b.base(), 2);
            RemotePlenary p = RemotePlenary.setUp(onA, onA.login(null, "admin", "bench-admin-password"), 3);

            // a token issued by A is accepted by B
            assertEquals(200, onB.send("GET", "/api/v1/me", p.secretariat(), null, Map.of()).status());

            // a cast on A reaches a subscriber of B within moments
            SseEvents events = SseEvents.open(b.base() + "/api/v1/ballots/" + p.ballotId() + "/turnout/stream", p.secretariat());
            assertTrue(events.next("\"cast\":0").contains("\"present\":3"));
            assertEquals(201, onA.send("POST", "/api/v1/ballots/" + p.ballotId() + "/votes", p.deputies().get(0),
                    Map.of("marks", List.of(Map.of("itemId", p.items().get(0), "choice", "FOR"))),
                    Map.of("Idempotency-Key", "replicas-test-key-0001")).status());
            events.next("\"cast\":1");
            events.close();

            // five failures on A lock the account on B too
            for (int i = 0; i < 5; i++) {
                assertEquals(401, onA.send("POST", "/api/v1/auth/login", null, Map.of("congressCode", p.code(), "username", "sec",
                        "password", "wrong-" + i), Map.of()).status());
            }
            RemoteClient.Reply locked = onB.send("POST", "/api/v1/auth/login", null, Map.of("congressCode", p.code(), "username",
                    "sec", "password", "bench-password-1"), Map.of());
            assertEquals(429, locked.status());
            assertEquals("LOGIN_LOCKED", locked.body().get("code").asText());

            // one tablet hammering both replicas: 3 requests per replica from memory, then a shared bucket of 5
            // (limit 8 - 3) in PostgreSQL, so the 12th request is refused; separate limits would allow 16
            Map<String, Object> vote = Map.of("marks", List.of(Map.of("itemId", p.items().get(1), "choice", "FOR")));
            for (int i = 1; i <= 12; i++) {
                RemoteClient.Reply r = (i % 2 == 1 ? onA : onB).send("POST", "/api/v1/ballots/" + p.ballotId() + "/votes",
                        p.deputies().get(1), vote, Map.of("Idempotency-Key", "replicas-hammer-key-01"));
                assertEquals(i <= 11 ? (i == 1 ? 201 : 200) : 429, r.status(), "request " + i + ": " + r.body());
            }

            // the scheduled relighting (a round every 2 s): watch the replicas' logs until three rounds since the
            // start have completed (the current round is left out, the other replica may still be about to run it)
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (new HashSet<>(roundsRun(firstRound, Instant.now().getEpochSecond() / 2 - 1)).size() < 3
                    && System.nanoTime() < deadline) {
                Thread.sleep(200);
            }
        }
        List<Long> ran = roundsRun(firstRound, Instant.now().getEpochSecond() / 2 - 1);
        // at most once per round across both replicas (a round whose timer fires late on both may be skipped)
        Set<Long> distinct = new HashSet<>(ran);
        assertEquals(distinct.size(), ran.size(), "a round ran twice: " + ran);
        assertTrue(distinct.size() >= 3, "rounds ran: " + ran);
    }

    /** The light rounds from first to last the two replicas' logs say they ran, one entry per run. */
    private static List<Long> roundsRun(long first, long last) throws java.io.IOException {
        List<Long> ran = new java.util.ArrayList<>();
        for (int port : new int[] { 18281, 18282 }) {
            for (String line : Files.readAllLines(Path.of("target", "service-" + port + ".log"))) {
                Matcher m = ROUND.matcher(line);
                if (m.find()) {
                    long round = Long.parseLong(m.group(1));
                    if (round >= first && round <= last) {
                        ran.add(round);
                    }
                }
            }
        }
        return ran;
    }
}
