package cn.minsheng.ballot.hardening;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.minsheng.ballot.support.Api;
import cn.minsheng.ballot.support.Api.Tenant;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;

/** Issue 17, items 6-9, 13 and 14: what the HTTP layer must answer whoever asks. */
@QuarkusTest
@TestProfile(HttpHardeningTest.ShortTimeouts.class)
class HttpHardeningTest {

    /** The production timeouts are 30 s each; the same mechanisms at 6 s keep the suite short. */
    public static class ShortTimeouts implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("quarkus.http.idle-timeout", "6S", "minsheng.http.body-timeout", "PT6S");
        }
    }

    @Test
    void aNulInAPathOrQueryIs400ProblemJsonNot500() {
        for (String path : List.of("/api/v1/public/congresses/%00/results", "/api/v1/public/congresses/a%00b/projects",
                "/api/v1/public/congresses/x/proposals?q=%00", "/api/v1/public/congresses/x/proposals?q=a%00")) {
            given().urlEncodingEnabled(false).get(path).then().statusCode(400).contentType("application/problem+json")
                    .body("code", equalTo("INVALID_CHARACTER"));
        }
    }

    @Test
    void aNulInsideAJsonBodyIs400ProblemJsonNot500() {
        Tenant t = Api.tenant();
        t.as().body("{\"name\":\"a\\u0000b\"}").post("/api/v1/congresses/" + t.congressId() + "/deputies").then()
                .statusCode(400).contentType("application/problem+json").body("code", equalTo("INVALID_CHARACTER"));
    }

    @Test
    void metricsAreOnlyForTheAdmin() {
        given().get("/q/metrics").then().statusCode(401);
        Tenant t = Api.tenant();
        t.as().get("/q/metrics").then().statusCode(403);
        Api.as(Api.account(t, "scrutineer")).get("/q/metrics").then().statusCode(403);
        Api.as(Api.admin()).get("/q/metrics").then().statusCode(200);
    }

    @Test
    void answersToASignedInCallerAreNeverStoredAndNothingIsSniffed() {
        Tenant t = Api.tenant();
        String c = "/api/v1/congresses/" + t.congressId();
        for (String path : List.of("/api/v1/me", c + "/accounts", c + "/proposals/export", c + "/candidates/export",
                c + "/audit/export", c + "/dashboard/export")) {
            Response r = t.as().get(path);
            assertEquals(200, r.statusCode(), path);
            assertEquals("no-store", r.header("Cache-Control"), path);
            assertEquals("nosniff", r.header("X-Content-Type-Options"), path);
        }
        for (String path : List.of("/public", "/assets/common.js", "/q/health/live", "/api/v1/public/categories",
                "/api/v1/public/congresses/nope/results")) {
            assertEquals("nosniff", given().get(path).header("X-Content-Type-Options"), path);
        }
        // an error answered to a signed-in caller is not stored either
        Response missing = t.as().get(c + "/deputies/00000000-0000-0000-0000-000000000000");
        assertEquals(404, missing.statusCode());
        assertEquals("no-store", missing.header("Cache-Control"));
    }

    @Test
    void checkInWithANullOrEmptyBodyIsRefusedAsTheContractSays() {
        Api.Hall hall = Api.hall(2, 0);
        String path = "/api/v1/sessions/" + hall.sessionId() + "/attendance";
        Api.as(hall.deputy(0)).body("null").post(path).then().statusCode(400).contentType("application/problem+json");
        Api.as(hall.deputy(0)).post(path).then().statusCode(400).contentType("application/problem+json");
        Api.as(hall.deputy(0)).get(path).then().body("present", equalTo(0));
        Api.as(hall.deputy(0)).body("{}").post(path).then().statusCode(200).body("present", equalTo(1));
    }

    @Test
    void aSilentConnectionIsClosedByTheServer() throws Exception {
        int port = Integer.parseInt(Api.config("quarkus.http.test-port"));
        try (Socket socket = new Socket("127.0.0.1", port)) {
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
    void aBodyThatNeverCompletesGets408AndTheConnectionCloses() throws Exception {
        int port = Integer.parseInt(Api.config("quarkus.http.test-port"));
        Tenant t = Api.tenant();
        try (Socket socket = new Socket("127.0.0.1", port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            // a byte every few seconds: the idle timeout never fires, the body deadline does
            out.write(("POST /api/v1/congresses/" + t.congressId() + "/deputies HTTP/1.1\r\nHost: localhost\r\n"
                    + "Authorization: Bearer " + t.secretariat() + "\r\nContent-Type: application/json\r\n"
                    + "Content-Length: 100\r\n\r\n{").getBytes(StandardCharsets.US_ASCII));
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
    void readinessAnswersWithTheDatabaseAndTheListener() {
        Map<String, Object> ready = given().get("/q/health/ready").then().statusCode(200).extract()
                .path("checks.find { it.name == 'Database and listener' }.data"); // checks come in no fixed order
        assertEquals("UP", ready.get("database"));
        assertEquals("UP", ready.get("listener"));
    }
}
