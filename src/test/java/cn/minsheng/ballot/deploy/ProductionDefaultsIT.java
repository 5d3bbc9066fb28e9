package cn.minsheng.ballot.deploy;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

import com.fasterxml.jackson.databind.JsonNode;

import cn.minsheng.ballot.support.RemoteClient;
import cn.minsheng.ballot.support.RemotePlenary;
import cn.minsheng.ballot.support.ServiceProcess;
import cn.minsheng.ballot.support.SseEvents;

/**
 * The packaged service with settings the other packaged-service tests turn off, all of them
 * production's defaults but the timeouts' length, on one database made afresh:
 * <ol>
 * <li>the warm-up before readiness (CastRehearsal): readiness is DOWN until it is done, and it
 * leaves no row and no audit entry, although PostgreSQL's own counters show it cast (and rolled
 * back);</li>
 * <li>a SECRET ballot of a session whose scrutineers have held no key ceremony does not open, and
 * says why in words; a NAMED (roll-call) ballot, public anyway, opens;</li>
 * <li>a connection that stays silent is closed by the server's idle timeout, and a body that never
 * completes gets 408 at the body deadline (both 30 s in production; the same mechanisms at 6 s);</li>
 * <li>a live stream that stays quiet longer than both timeouts is not cut: its keep-alive comments
 * (every 20 s in production, 2 s here) keep the connection from being idle, and it has no body to
 * time.</li>
 * </ol>
 * Each used to need a test profile of its own, and each profile cost the suite a build and a start
 * of the application.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ProductionDefaultsIT {

    private static final String DATABASE = "minsheng_defaults";
    private static final int PORT = 18291;
    private static final int REHEARSED = 300;

    private ServiceProcess service;
    private JsonNode warmUp;
    private RemoteClient client;

    @BeforeAll
    void launchAndWatchReadiness() throws Exception {
        ServiceProcess.freshDatabase(DATABASE);
        service = ServiceProcess.launch(PORT, DATABASE, ServiceProcess.newKeyPair(), Map.of("QUARKUS_LOG_LEVEL", "WARN",
                "QUARKUS_LOG_CATEGORY__CN_MINSHENG__LEVEL", "INFO", "MINSHENG_WARMUP_ENABLED", "true", "MINSHENG_WARMUP_CASTS",
                Integer.toString(REHEARSED), "MINSHENG_WARMUP_SEALED_VERIFICATIONS", "10", "MINSHENG_SEAL_REQUIRE_CEREMONY", "true",
                "QUARKUS_HTTP_IDLE_TIMEOUT", "6S", "MINSHENG_HTTP_BODY_TIMEOUT", "PT6S", "MINSHENG_LIVE_KEEP_ALIVE", "PT2S"));
        HttpClient http = HttpClient.newHttpClient();
        long deadline = System.nanoTime() + Duration.ofSeconds(120).toNanos();
        while (warmUp == null && System.nanoTime() < deadline) {
            assertTrue(service.isAlive(), "the service exited; see target/service-" + PORT + ".log");
            HttpResponse<String> r;
            try {
                r = http.send(HttpRequest.newBuilder(URI.create(service.base() + "/q/health/ready")).build(),
                        HttpResponse.BodyHandlers.ofString());
            } catch (java.io.IOException notListeningYet) {
                Thread.sleep(100);
                continue;
            }
            JsonNode check = null;
            for (JsonNode c : RemoteClient.JSON.readTree(r.body()).get("checks")) {
                if ("Warm-up".equals(c.get("name").asText())) {
                    check = c;
                }
            }
            assertNotNull(check, "readiness has a warm-up check: " + r.body());
            String state = check.get("data").get("state").asText();
            if (state.equals("DONE") || state.equals("FAILED")) {
                warmUp = check;
                assertEquals(200, r.statusCode(), "ready once warm: " + r.body());
            } else {
                assertEquals(503, r.statusCode(), "not ready while warming up: " + r.body());
                Thread.sleep(100);
            }
        }
        assertNotNull(warmUp, "the warm-up never finished");
        client = new RemoteClient(service.base(), 2);
    }

    @AfterAll
    void stop() throws Exception {
        if (service != null) {
            service.close();
        }
    }

    @Test
    @Order(1)
    void theWarmUpHeldReadinessAndLeftNoTrace() throws Exception {
        assertEquals("DONE", warmUp.get("data").get("state").asText(), warmUp.toString());
        assertTrue(warmUp.get("data").get("detail").asText().contains(REHEARSED + " casts rehearsed"), warmUp.toString());
        for (String table : List.of("congress", "session", "deputy", "ballot", "session_seat", "attendance", "participation",
                "ballot_content", "sealed_content", "sealed_alpha", "named_vote")) {
            assertEquals(0, count("SELECT count(*) FROM " + table), table + " holds rows after the warm-up");
        }
        assertEquals(0, count("SELECT count(*) FROM audit_entry e WHERE e::text LIKE '%预热%' OR e::text LIKE '%warm%'"),
                "an audit entry of the warm-up");
        // the rows did go in (and were rolled back): the database is new, so its counters are the warm-up's
        long inserted = 0;
        for (int i = 0; i < 150 && inserted < REHEARSED; i++) {
            inserted = count("SELECT coalesce(sum(n_tup_ins), 0) FROM pg_stat_user_tables WHERE relname = 'participation'");
            Thread.sleep(200);
        }
        assertTrue(inserted >= REHEARSED, "the rehearsal cast into participation: " + inserted);
        assertEquals(0, count("SELECT n_live_tup FROM pg_stat_user_tables WHERE relname = 'participation'"));
    }

    @Test
    @Order(2)
    void aSecretBallotWaitsForTheKeyCeremonyANamedOneDoesNot() throws Exception {
        RemotePlenary.Hall hall = RemotePlenary.hall(client, client.login(null, "admin", "bench-admin-password"), 3);
        String ballots = "/api/v1/sessions/" + hall.sessionId() + "/ballots";
        String secret = client.post(ballots, hall.secretariat(), Map.of("title", "无记名票决", "kind", "SELECTION", "seats", 1,
                "minSurplus", 1, "itemIds", hall.items().subList(0, 2))).get("id").asText();
        RemoteClient.Reply refused = client.send("POST", "/api/v1/ballots/" + secret + "/open", hall.secretariat(), null, Map.of());
        assertEquals(409, refused.status(), refused.toString());
        assertTrue(refused.contentType().startsWith("application/problem+json"), refused.contentType());
        assertEquals("CEREMONY_REQUIRED", refused.body().get("code").asText());
        assertTrue(refused.body().get("detail").asText().contains("密钥仪式"), refused.body().toString());
        assertEquals("DRAFT", client.send("GET", "/api/v1/ballots/" + secret, hall.secretariat(), null, Map.of()).ok().get("status")
                .asText());

        String named = client.post(ballots, hall.secretariat(), Map.of("title", "记名表决", "kind", "SELECTION", "seats", 1,
                "minSurplus", 1, "secrecy", "NAMED", "itemIds", hall.items().subList(0, 2))).get("id").asText();
        JsonNode opened = client.post("/api/v1/ballots/" + named + "/open", hall.secretariat(), null);
        assertEquals("OPEN", opened.get("status").asText());
        assertEquals(false, opened.get("sealed").asBoolean());
    }

    @Test
    @Order(3)
    void aSilentConnectionIsClosedByTheServer() throws Exception {
        try (Socket socket = new Socket("127.0.0.1", PORT)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            out.write("GET /api/v1/public/categories HTTP/1.1\r\nHost: localhost\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            long start = System.nanoTime();
            InputStream in = socket.getInputStream();
            // the header never ends; the server's idle timeout (30 s; 6 s here) closes the connection: read sees the end
            int read = in.read();
            while (read >= 0) {
                read = in.read();
            }
            long seconds = (System.nanoTime() - start) / 1_000_000_000L;
            assertTrue(seconds < 55, "closed after " + seconds + " s");
        }
    }

    @Test
    @Order(4)
    void aBodyThatNeverCompletesGets408AndTheConnectionCloses() throws Exception {
        String admin = client.login(null, "admin", "bench-admin-password");
        try (Socket socket = new Socket("127.0.0.1", PORT)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            // a byte every few seconds: the idle timeout never fires, the body deadline does
            out.write(("POST /api/v1/congresses HTTP/1.1\r\nHost: localhost\r\nAuthorization: Bearer " + admin
                    + "\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            StringBuilder answer = new StringBuilder();
            Thread trickle = new Thread(() -> {
                try {
                    for (int i = 0; i < 20; i++) {
                        Thread.sleep(3000);
                        out.write(' ');
                        out.flush();
                    }
                } catch (Exception closed) {
                    // the server closed it
                }
            });
            trickle.setDaemon(true);
            trickle.start();
            for (int b; (b = in.read()) >= 0;) {
                answer.append((char) b);
            }
            assertTrue(answer.toString().startsWith("HTTP/1.1 408"), answer.toString());
        }
    }

    @Test
    @Order(5)
    void aQuietLiveStreamOutlivesBothTimeouts() throws Exception {
        RemotePlenary.Hall hall = RemotePlenary.hall(client, client.login(null, "admin", "bench-admin-password"), 2);
        String ballot = client.post("/api/v1/sessions/" + hall.sessionId() + "/ballots", hall.secretariat(), Map.of("title",
                "记名表决", "kind", "SELECTION", "seats", 1, "minSurplus", 1, "secrecy", "NAMED", "itemIds",
                hall.items().subList(0, 2))).get("id").asText();
        client.post("/api/v1/ballots/" + ballot + "/open", hall.secretariat(), null);
        SseEvents events = SseEvents.open(service.base() + "/api/v1/ballots/" + ballot + "/turnout/stream", hall.secretariat());
        try {
            events.next("\"cast\":0");
            Thread.sleep(14_000); // more than twice the idle timeout and the body deadline, nothing cast
            assertEquals(201, client.send("POST", "/api/v1/ballots/" + ballot + "/votes", hall.deputies().get(0),
                    Map.of("marks", List.of(Map.of("itemId", hall.items().get(0), "choice", "FOR"))),
                    Map.of("Idempotency-Key", "quiet-stream-key-0001")).status());
            events.next("\"cast\":1");
        } finally {
            events.close();
        }
    }

    private static long count(String sql) throws Exception {
        return Long.parseLong(ServiceProcess.psql(DATABASE, sql).trim());
    }
}
