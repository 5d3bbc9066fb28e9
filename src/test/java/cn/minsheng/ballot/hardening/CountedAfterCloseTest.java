package cn.minsheng.ballot.hardening;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.minsheng.ballot.support.Api;
import cn.minsheng.ballot.support.Api.Hall;
import io.quarkus.test.junit.QuarkusTest;

/** Issue 17, item 11: a tablet whose answer was lost and that retries after close learns its vote was counted. */
@QuarkusTest
class CountedAfterCloseTest {

    @Test
    void aRetryAfterCloseWithTheSameKeyAndBodyGetsItsReceipt() {
        Hall hall = Api.hall(3, 3);
        var t = hall.tenant();
        List<String> c = Api.candidates15(t, Api.openWindow(t, 2027)).subList(0, 3);
        String ballot = Api.openBallot(hall, Map.of("title", "票决", "kind", "SELECTION", "seats", 2, "minSurplus", 1, "itemIds", c));
        String key = UUID.randomUUID().toString();
        Map<String, String> marks = Api.ticks(c.subList(0, 2));
        String tracker = Api.cast(hall.deputy(0), ballot, marks, key).then().statusCode(201).extract().path("tracker");
        Api.cast(hall.deputy(1), ballot, Api.ticks(c.subList(1, 3))).then().statusCode(201);
        t.as().post("/api/v1/ballots/" + ballot + "/close").then().statusCode(200);

        // the answer was lost; the tablet retries after the close with the same key and body
        Api.cast(hall.deputy(0), ballot, marks, key).then().statusCode(200).body("tracker", equalTo(tracker))
                .body("replayed", equalTo(true)).body("valid", equalTo(true));
        // the same key with another body, another key, and a deputy who never cast are still refused
        Api.cast(hall.deputy(0), ballot, Api.ticks(c.subList(1, 3)), key).then().statusCode(409)
                .contentType("application/problem+json").body("code", equalTo("IDEMPOTENCY_KEY_REUSED"));
        Api.cast(hall.deputy(0), ballot, marks).then().statusCode(409).body("code", equalTo("BALLOT_CLOSED"));
        Api.cast(hall.deputy(2), ballot, marks, key).then().statusCode(409).body("code", equalTo("BALLOT_CLOSED"));

        List<String> board = given().get("/api/v1/ballots/" + ballot + "/board").then().statusCode(200).extract()
                .path("entries.tracker");
        assertEquals(1, Collections.frequency(board, tracker));
        assertEquals(2, board.size());
    }
}
