package cn.minsheng.ballot.result;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.minsheng.ballot.support.Api;
import io.quarkus.test.junit.QuarkusTest;

/** ResultVisibility: before publication only the congress's secretariat and scrutineers read a result; after it, anyone. */
@QuarkusTest
class ResultVisibilityTest {

    @Test
    void everyReadOfAResultFollowsOneRule() {
        Api.Hall hall = Api.hall(3, 3);
        Api.Tenant t = hall.tenant();
        List<String> items = Api.candidates15(t, Api.openWindow(t, 2029)).subList(0, 3);
        String ballot = Api.openBallot(hall, Map.of("title", "票决", "kind", "SELECTION", "seats", 1, "minSurplus", 1, "itemIds", items));
        for (int i = 0; i < 3; i++) {
            Api.cast(hall.deputy(i), ballot, Api.ticks(items.subList(0, 1))).then().statusCode(201);
        }
        t.as().post("/api/v1/ballots/" + ballot + "/close").then().statusCode(200);
        String result = "/api/v1/ballots/" + ballot + "/result";
        String publicList = "/api/v1/public/congresses/" + t.code() + "/results";
        Api.Tenant other = Api.tenant();

        // counted, not published: the insiders of its congress only, on every read
        t.as().get(result).then().statusCode(200).body("status", equalTo("COUNTED"));
        Api.as(hall.scrutineers().get(0)).get(result).then().statusCode(200);
        given().get(result).then().statusCode(401);
        Api.as(hall.deputy(0)).get(result).then().statusCode(403);
        other.as().get(result).then().statusCode(404);
        given().get(result + "/notice.pdf").then().statusCode(401);
        Api.as(hall.deputy(0)).get(result + "/notice.pdf").then().statusCode(403);
        t.as().get(result + "/notice.pdf").then().statusCode(200);
        given().get(publicList).then().statusCode(200).body("figures.ballotId", not(hasItem(ballot)));

        for (String scrutineer : hall.scrutineers()) {
            Api.as(scrutineer).post(result + "/countersign").then().statusCode(200);
        }
        t.as().post(result + "/publish").then().statusCode(200);

        // published: anyone, on every read
        given().get(result).then().statusCode(200).body("status", equalTo("PUBLISHED"));
        Api.as(hall.deputy(0)).get(result).then().statusCode(200);
        other.as().get(result).then().statusCode(200);
        given().get(result + "/notice.pdf").then().statusCode(200);
        given().get(publicList).then().statusCode(200).body("figures.ballotId", hasItem(ballot));
    }
}
