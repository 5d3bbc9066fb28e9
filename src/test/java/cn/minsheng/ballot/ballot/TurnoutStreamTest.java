package cn.minsheng.ballot.ballot;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import cn.minsheng.ballot.support.Api;
import cn.minsheng.ballot.support.Api.Hall;
import io.quarkus.test.junit.QuarkusTest;

/** The projector and tablets follow turnout over Server-Sent Events: first the figure now, then each change. */
@QuarkusTest
class TurnoutStreamTest {

    @Test
    void castsAndCheckInsReachSubscribers() throws Exception {
        Hall hall = Api.hall(6, 5);
        var t = hall.tenant();
        List<String> c = Api.candidates15(t, Api.openWindow(t, 2027)).subList(0, 3);
        String ballot = t.as().body(Map.of("title", "直播", "kind", "SELECTION", "seats", 1, "minSurplus", 1, "itemIds", c))
                .post("/api/v1/sessions/" + hall.sessionId() + "/ballots").then().statusCode(201).extract().path("id");
        t.as().post("/api/v1/ballots/" + ballot + "/open").then().statusCode(200);

        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + "/api/v1/ballots/" + ballot
                + "/turnout/stream")).header("Authorization", "Bearer " + t.secretariat()).header("Accept", "text/event-stream")
                .build();
        HttpResponse<java.io.InputStream> response = HttpClient.newHttpClient().send(request,
                HttpResponse.BodyHandlers.ofInputStream());
        BlockingQueue<String> events = new LinkedBlockingQueue<>();
        Thread reader = new Thread(() -> {
            try (BufferedReader in = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
                for (String line; (line = in.readLine()) != null;) {
                    if (line.startsWith("data:")) {
                        events.add(line.substring(5).trim());
                    }
                }
            } catch (java.io.IOException closed) {
                // the test ends the stream
            }
        });
        reader.setDaemon(true);
        reader.start();

        assertTrue(next(events, "\"cast\":0").contains("\"present\":5"));
        Api.cast(hall.deputy(0), ballot, Api.ticks(c.subList(0, 1))).then().statusCode(201);
        next(events, "\"cast\":1");
        Api.as(hall.deputy(5)).body("{}").post("/api/v1/sessions/" + hall.sessionId() + "/attendance").then().statusCode(200);
        next(events, "\"present\":6");
        String last = next(events, "\"cast\":2", () -> Api.cast(hall.deputy(5), ballot, Api.ticks(c.subList(1, 2))));
        assertTrue(!last.contains("forCount") && !last.contains("items"), "no per-item figure on the stream: " + last);
        response.body().close();
    }

    @Test
    void theStreamRefusesWhomItShould() {
        Hall hall = Api.hall(3, 3);
        var t = hall.tenant();
        List<String> c = Api.candidates15(t, Api.openWindow(t, 2027)).subList(0, 2);
        String ballot = t.as().body(Map.of("title", "直播", "kind", "SELECTION", "seats", 1, "minSurplus", 1, "itemIds", c))
                .post("/api/v1/sessions/" + hall.sessionId() + "/ballots").then().statusCode(201).extract().path("id");
        String stream = "/api/v1/ballots/" + ballot + "/turnout/stream";
        io.restassured.RestAssured.given().accept("text/event-stream").get(stream).then().statusCode(401);
        Api.as(Api.account(t, "department")).accept("text/event-stream").get(stream).then().statusCode(403);
        Api.as(Api.tenant().secretariat()).accept("text/event-stream").get(stream).then().statusCode(404);
    }

    private static String next(BlockingQueue<String> events, String wanted) throws InterruptedException {
        return next(events, wanted, () -> null);
    }

    /** Waits (generously: this is no timing assertion) for an event containing {@code wanted}. */
    private static String next(BlockingQueue<String> events, String wanted, java.util.function.Supplier<Object> action)
            throws InterruptedException {
        action.get();
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        while (System.nanoTime() < deadline) {
            String e = events.poll(200, TimeUnit.MILLISECONDS);
            if (e != null && e.contains(wanted)) {
                return e;
            }
        }
        throw new AssertionError("no event with " + wanted);
    }
}
