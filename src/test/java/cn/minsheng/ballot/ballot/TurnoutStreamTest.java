package cn.minsheng.ballot.ballot;

import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import cn.minsheng.ballot.support.Api;
import cn.minsheng.ballot.support.Api.Hall;
import cn.minsheng.ballot.support.SseEvents;
import io.quarkus.test.junit.QuarkusTest;

/** The projector and tablets follow turnout over Server-Sent Events: first the figure now, then each change. */
@QuarkusTest
class TurnoutStreamTest {

    @Test
    void castsAndCheckInsReachSubscribers() throws Exception {
        Hall hall = Api.hall(6, 5);
        var t = hall.tenant();
        List<String> c = Api.candidates15(t, Api.openWindow(t, 2027)).subList(0, 3);
        String ballot = Api.openBallot(hall, Map.of("title", "直播", "kind", "SELECTION", "seats", 1, "minSurplus", 1, "itemIds", c));

        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        try (SseEvents events = SseEvents.open("http://localhost:" + port + "/api/v1/ballots/" + ballot + "/turnout/stream",
                t.secretariat())) {
            assertTrue(events.next("\"cast\":0").contains("\"present\":5"));
            Api.cast(hall.deputy(0), ballot, Api.ticks(c.subList(0, 1))).then().statusCode(201);
            events.next("\"cast\":1");
            Api.as(hall.deputy(5)).body("{}").post("/api/v1/sessions/" + hall.sessionId() + "/attendance").then().statusCode(200);
            events.next("\"present\":6");
            Api.cast(hall.deputy(5), ballot, Api.ticks(c.subList(1, 2))).then().statusCode(201);
            String last = events.next("\"cast\":2");
            assertTrue(!last.contains("forCount") && !last.contains("items"), "no per-item figure on the stream: " + last);
        }
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
}
