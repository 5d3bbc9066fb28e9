package cn.minsheng.ballot.live;

import static org.junit.jupiter.api.Assertions.assertEquals;
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
    void theSessionStreamFollowsTheHallForTheProjector() throws Exception {
        Hall hall = Api.hall(4, 3);
        var t = hall.tenant();
        List<String> c = Api.candidates15(t, Api.openWindow(t, 2027)).subList(0, 3);
        String ballot = t.as().body(Map.of("title", "大屏", "kind", "SELECTION", "seats", 1, "minSurplus", 1, "itemIds", c))
                .post("/api/v1/sessions/" + hall.sessionId() + "/ballots").then().statusCode(201).extract().path("id");
        String projector = Api.account(t, "projector");
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        try (SseEvents events = SseEvents.open("http://localhost:" + port + "/api/v1/sessions/" + hall.sessionId() + "/stream",
                projector)) {
            String first = events.next("\"status\":\"DRAFT\"");
            assertTrue(first.startsWith("{") && first.contains("\"present\":3") && first.contains("\"met\":true"), first);
            t.as().post("/api/v1/ballots/" + ballot + "/open").then().statusCode(200);
            events.next("\"status\":\"OPEN\"");
            Api.cast(hall.deputy(0), ballot, Api.ticks(c.subList(0, 1))).then().statusCode(201);
            events.next("\"cast\":1");
            Api.as(hall.deputy(3)).body("{}").post("/api/v1/sessions/" + hall.sessionId() + "/attendance").then().statusCode(200);
            events.next("\"present\":4");
            Api.closeAndPublish(hall, ballot);
            String published = events.next("\"published\":true");
            assertTrue(!published.contains("forCount") && !published.contains("items"), "no per-item figure: " + published);
        }
        // the projector reads the hall, and nothing of the votes or the roster
        Api.as(projector).get("/api/v1/sessions/" + hall.sessionId() + "/attendance").then().statusCode(200);
        Api.as(projector).get("/api/v1/ballots/" + ballot + "/turnout").then().statusCode(200);
        Api.as(projector).get("/api/v1/congresses/" + t.congressId() + "/deputies").then().statusCode(403);
        Api.as(projector).header("Idempotency-Key", "projector-cannot-vote-1").body(Map.of("marks", List.of()))
                .post("/api/v1/ballots/" + ballot + "/votes").then().statusCode(403);
    }

    @jakarta.inject.Inject
    cn.minsheng.ballot.live.TurnoutHub hub;

    @Test
    void aStreamLeavesNothingBehindWhenItsLastSubscriberGoes() throws Exception {
        Hall hall = Api.hall(3, 3);
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        String url = "http://localhost:" + port + "/api/v1/sessions/" + hall.sessionId() + "/stream";
        int before = hub.channels();
        int subscribersBefore = hub.subscribers();
        SseEvents first = SseEvents.open(url, hall.tenant().secretariat());
        SseEvents second = SseEvents.open(url, hall.deputy(0));
        first.next("\"sessionId\"");
        second.next("\"sessionId\"");
        assertEquals(before + 1, hub.channels(), "two subscribers of one session share one channel");
        assertEquals(subscribersBefore + 2, hub.subscribers());
        first.close();
        waitUntil(() -> hub.subscribers() == subscribersBefore + 1);
        assertEquals(before + 1, hub.channels(), "the channel stays while a subscriber is left");
        List<String> c = Api.candidates15(hall.tenant(), Api.openWindow(hall.tenant(), 2027)).subList(0, 2);
        hall.tenant().as().body(Map.of("title", "留下的订阅", "kind", "SELECTION", "seats", 1, "minSurplus", 1, "itemIds", c))
                .post("/api/v1/sessions/" + hall.sessionId() + "/ballots").then().statusCode(201);
        second.next("留下的订阅"); // and it still hears the changes
        second.close();
        waitUntil(() -> hub.channels() == before);
        assertEquals(before, hub.channels(), "the channel went with its last subscriber");
        assertEquals(subscribersBefore, hub.subscribers());
    }

    private static void waitUntil(java.util.function.BooleanSupplier condition) throws InterruptedException {
        long deadline = System.nanoTime() + 20_000_000_000L;
        while (!condition.getAsBoolean() && System.nanoTime() < deadline) {
            Thread.sleep(50);
        }
    }

    @Test
    void aDeputyLearnsFromTheBallotWhetherTheyVoted() {
        Hall hall = Api.hall(3, 3);
        var t = hall.tenant();
        List<String> c = Api.candidates15(t, Api.openWindow(t, 2027)).subList(0, 2);
        String ballot = Api.openBallot(hall, Map.of("title", "已投", "kind", "SELECTION", "seats", 1, "minSurplus", 1, "itemIds", c));
        Api.as(hall.deputy(0)).get("/api/v1/ballots/" + ballot).then().statusCode(200).body("voted", org.hamcrest.Matchers.is(false))
                .body("markLimit", org.hamcrest.Matchers.is(1)); // a selection by approval: as many ticks as seats
        Api.cast(hall.deputy(0), ballot, Api.ticks(c.subList(0, 1))).then().statusCode(201);
        Api.as(hall.deputy(0)).get("/api/v1/ballots/" + ballot).then().body("voted", org.hamcrest.Matchers.is(true));
        Api.as(hall.deputy(1)).get("/api/v1/sessions/" + hall.sessionId() + "/ballots").then().body("[0].voted",
                org.hamcrest.Matchers.is(false));
        t.as().get("/api/v1/ballots/" + ballot).then().body("voted", org.hamcrest.Matchers.nullValue());
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
        String session = "/api/v1/sessions/" + hall.sessionId() + "/stream";
        io.restassured.RestAssured.given().accept("text/event-stream").get(session).then().statusCode(401);
        Api.as(Api.account(t, "department")).accept("text/event-stream").get(session).then().statusCode(403);
        Api.as(Api.tenant().secretariat()).accept("text/event-stream").get(session).then().statusCode(404);
    }
}
