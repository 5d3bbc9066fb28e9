package cn.minsheng.ballot.hardening;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.minsheng.ballot.support.Api;
import cn.minsheng.ballot.support.Api.Hall;
import io.quarkus.test.junit.QuarkusTest;

/** Issue 17, item 12: live streams send keep-alive comments and end when their token expires. */
@QuarkusTest
class StreamLimitsTest {

    private static InputStream open(String path, String token) throws Exception {
        int port = Integer.parseInt(Api.config("quarkus.http.test-port"));
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + path)).header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
        assertEquals(200, response.statusCode());
        return response.body();
    }

    @Test
    void anIdleStreamSendsKeepAliveComments() throws Exception {
        Hall hall = Api.hall(2, 1);
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(40), () -> {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                open("/api/v1/sessions/" + hall.sessionId() + "/stream", hall.deputy(0)), StandardCharsets.UTF_8))) {
            List<String> lines = new ArrayList<>();
            // the test profile sends one every 2 s; nothing else happens in this session
            for (String line; (line = in.readLine()) != null;) {
                lines.add(line);
                if (lines.stream().filter(l -> l.startsWith(":")).count() >= 2) {
                    break;
                }
            }
            assertTrue(lines.stream().anyMatch(l -> l.startsWith("data:")), lines.toString());
            assertTrue(lines.stream().filter(l -> l.startsWith(":")).count() >= 2, lines.toString());
        }
        }, "no keep-alive comment came");
    }

    @Test
    void aStreamEndsWhenItsTokenExpires() throws Exception {
        Hall hall = Api.hall(2, 1);
        var t = hall.tenant();
        String accountId = t.as().get("/api/v1/me").then().statusCode(200).extract().path("accountId");
        Instant now = Instant.now();
        String shortLived = Api.sign(Api.claims("secretariat").subject(accountId).claim("congress", t.congressId())
                .issuedAt(now).expiresAt(now.plusSeconds(4)));
        long start = System.nanoTime();
        org.junit.jupiter.api.Assertions.assertTimeoutPreemptively(Duration.ofSeconds(40), () -> {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(
                open("/api/v1/sessions/" + hall.sessionId() + "/stream", shortLived), StandardCharsets.UTF_8))) {
            int data = 0;
            for (String line; (line = in.readLine()) != null;) {
                if (line.startsWith("data:")) {
                    data++;
                }
            }
            assertTrue(data >= 1);
        }
        }, "the stream outlived its token");
        // it ended by itself (the read above returned the end of the stream) once the token had expired
        assertTrue(System.nanoTime() - start >= Duration.ofSeconds(2).toNanos());
    }
}
