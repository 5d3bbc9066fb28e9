package cn.minsheng.ballot.project;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.minsheng.ballot.support.Api;
import cn.minsheng.ballot.support.Api.Hall;
import io.quarkus.test.junit.QuarkusTest;

/** The standing committee's decisions on a project: public, and a terminated project takes no more writes. */
@QuarkusTest
class DecisionTest {

    @Test
    void aTerminationIsPublicAndEndsTheProject() {
        Hall hall = Api.hall(3, 3);
        var t = hall.tenant();
        String market = Api.selectedProjects(hall, 10).get("农贸市场标准化改造");
        t.as().body(Map.of("kind", "TERMINATE", "body", "县人大常委会第二十二次会议", "decidedOn", "2027-06-30",
                "reference", "青人常〔2027〕12号", "summary", "因选址调整终止实施")).post("/api/v1/projects/" + market + "/decisions")
                .then().statusCode(201);
        given().get("/api/v1/public/projects/" + market).then().body("project.status", equalTo("TERMINATED"))
                .body("decisions[0].reference", equalTo("青人常〔2027〕12号"));
        Api.as(Api.department(t, "市场监督管理局")).body(PlanTest.PLAN).put("/api/v1/projects/" + market + "/plan").then()
                .statusCode(409).body("code", equalTo("PROJECT_ENDED"));

        Api.tenant().as().body(Map.of("kind", "SUSPEND", "body", "x", "decidedOn", "2027-01-01", "summary", "x"))
                .post("/api/v1/projects/" + market + "/decisions").then().statusCode(404);
    }
}
