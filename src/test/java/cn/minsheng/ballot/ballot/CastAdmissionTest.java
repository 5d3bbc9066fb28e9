package cn.minsheng.ballot.ballot;

import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.minsheng.ballot.support.Api;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Cast admission (CastService.admit): the ballot open, in the caller's congress, the electronic channel
 * open, and the ballot in the form it takes; in that order, before any mark is read.
 */
@QuarkusTest
class CastAdmissionTest {

    private static io.restassured.response.Response castBody(String token, String ballot, Map<String, Object> body) {
        return Api.as(token).header("Idempotency-Key", UUID.randomUUID().toString()).body(body)
                .post("/api/v1/ballots/" + ballot + "/votes");
    }

    @Test
    void aCastIsAdmittedOnlyToAnOpenBallotOfItsCongressInTheFormTheBallotTakes() {
        Api.Hall hall = Api.hall(4, 4);
        Api.Tenant t = hall.tenant();
        List<String> items = Api.candidates15(t, Api.openWindow(t, 2029)).subList(0, 3);
        Map<String, Object> rules = Map.of("title", "票决", "kind", "SELECTION", "seats", 1, "minSurplus", 1, "itemIds", items);
        String draft = t.as().body(rules).post("/api/v1/sessions/" + hall.sessionId() + "/ballots").then().statusCode(201)
                .extract().path("id");
        Api.cast(hall.deputy(0), draft, Api.ticks(items.subList(0, 1))).then().statusCode(409).body("code", equalTo("BALLOT_NOT_OPEN"));

        String ballot = Api.openBallot(hall, rules);
        // the form: a clear ballot takes marks, never a sealed ballot, and not nothing
        castBody(hall.deputy(0), ballot, Map.of("sealed", "00ff")).then().statusCode(400).body("code", equalTo("BALLOT_NOT_SEALED"));
        castBody(hall.deputy(0), ballot, Map.of()).then().statusCode(400).body("code", equalTo("MARKS_REQUIRED"));
        // the congress before the form: another congress's deputy does not learn the ballot exists
        Api.Hall other = Api.hall(3, 3);
        castBody(other.deputy(0), ballot, Map.of("sealed", "00ff")).then().statusCode(404);
        // refused admissions wrote nothing: the deputy still casts once
        Api.cast(hall.deputy(0), ballot, Api.ticks(items.subList(0, 1))).then().statusCode(201);
        t.as().get("/api/v1/ballots/" + ballot + "/turnout").then().statusCode(200).body("cast", equalTo(1));
    }
}
