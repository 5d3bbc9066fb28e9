package cn.minsheng.ballot.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.minsheng.ballot.support.Api;
import cn.minsheng.ballot.support.Api.Hall;
import cn.minsheng.ballot.support.Api.Tenant;
import cn.minsheng.ballot.support.ContractFilter;
import io.restassured.RestAssured;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The answers a strict client once failed to decode, received here with the nulls they really carry
 * (a session never closed, a ballot from no slate, the secretariat's own attendance, a result without
 * a chair's decision): every one passes through {@link ContractFilter}, which holds it to
 * openapi/openapi.json, so each null must be documented as nullable there.
 */
@QuarkusTest
class ContractAnswersTest {

    @Test
    void everyAnswerHereIsHeldToTheContract() {
        assertTrue(RestAssured.filters().stream().anyMatch(f -> f instanceof ContractFilter),
                "ContractCallback installs the conformance filter before each @QuarkusTest");
    }

    @Test
    void theNullsTheServiceSendsAreDocumented() {
        Hall hall = Api.hall(3, 3);
        Tenant t = hall.tenant();
        String planned = t.as().body(Map.of("name", "常务委员会第五次会议", "kind", "STANDING_COMMITTEE", "startsOn", "2027-03-01",
                "endsOn", "2027-03-01")).post("/api/v1/congresses/" + t.congressId() + "/sessions").then().statusCode(201)
                .header("Location", notNullValue()).extract().path("id");
        t.as().get("/api/v1/sessions/" + planned).then().statusCode(200).body("openedAt", nullValue()).body("closedAt", nullValue());
        t.as().get("/api/v1/sessions/" + hall.sessionId()).then().statusCode(200).body("openedAt", notNullValue())
                .body("closedAt", nullValue());
        t.as().get("/api/v1/congresses/" + t.congressId() + "/sessions").then().statusCode(200);
        // the secretariat is nobody's deputy: it has no attendance state of its own
        t.as().get("/api/v1/sessions/" + hall.sessionId() + "/attendance").then().statusCode(200).body("myState", nullValue());

        List<String> items = Api.candidates15(t, Api.openWindow(t, 2027)).subList(0, 3);
        String ballot = Api.openBallot(hall, Map.of("title", "民生实事项目票决", "kind", "SELECTION", "seats", 1, "minSurplus", 1,
                "itemIds", items));
        String ballots = "/api/v1/sessions/" + hall.sessionId() + "/ballots";
        // composed without a slate, no parent ballot, still open; "voted" is a deputy's own
        t.as().get(ballots).then().statusCode(200).body("[0].slateId", nullValue()).body("[0].parentBallotId", nullValue())
                .body("[0].closedAt", nullValue()).body("[0].voted", nullValue());
        t.as().get("/api/v1/ballots/" + ballot).then().statusCode(200).body("slateId", nullValue()).body("voted", nullValue());
        Api.as(hall.deputy(0)).get(ballots).then().statusCode(200).body("[0].voted", equalTo(false));
        Api.cast(hall.deputy(0), ballot, Api.ticks(items.subList(0, 1))).then().statusCode(201);
        Api.as(hall.deputy(0)).get("/api/v1/ballots/" + ballot).then().statusCode(200).body("voted", equalTo(true));

        Api.closeAndPublish(hall, ballot);
        given().get("/api/v1/ballots/" + ballot + "/result").then().statusCode(200).body("chairDecisionReason", nullValue());
        given().get("/api/v1/public/congresses/" + t.code() + "/results").then().statusCode(200)
                .body("[0].chairDecisionReason", nullValue());
        given().get("/api/v1/public/congresses/" + t.code() + "/audit/heads").then().statusCode(200);
        given().get("/.well-known/jwks.json").then().statusCode(200).body("keys[0].kty", equalTo("RSA"));
        t.as().get("/api/v1/congresses/" + t.congressId()).then().statusCode(200);
        t.as().get("/api/v1/congresses/" + t.congressId() + "/audit").then().statusCode(200);
        t.as().get("/api/v1/congresses/" + t.congressId() + "/solicitations").then().statusCode(200);
    }
}
