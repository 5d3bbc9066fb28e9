package cn.minsheng.ballot.evaluation;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.minsheng.ballot.support.Api;
import cn.minsheng.ballot.support.Api.Hall;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The next session rates the year's projects (人大评): an UNSATISFIED project goes to rectification and cannot close; a
 * completed, SATISFIED one closes (销号); a cross-year one carries into the next year with its second stage target.
 */
@QuarkusTest
class EvaluationTest {

    @Test
    void theNextSessionRatesTheProjectsAndTheRatingDecidesClosing() {
        Hall hall = Api.hall(12, 12);
        var t = hall.tenant();
        Map<String, String> projects = Api.selectedProjects(hall, 10);
        String schools = projects.get("中小学校舍改扩建");
        String kindergarten = projects.get("县城公办幼儿园新建");
        String water = projects.get("农村饮水安全巩固提升工程");

        String next = t.as().body(Map.of("name", "第十八届人民代表大会第四次会议", "kind", "PLENARY", "startsOn", "2028-01-10",
                "endsOn", "2028-01-12")).post("/api/v1/congresses/" + t.congressId() + "/sessions").then().statusCode(201)
                .extract().path("id");
        t.as().post("/api/v1/sessions/" + next + "/open").then().statusCode(200);
        for (String deputy : hall.deputyIds()) {
            t.as().body(Map.of("deputyId", deputy)).post("/api/v1/sessions/" + next + "/attendance").then().statusCode(200);
        }
        String rating = t.as().body(Map.of("title", "2027年民生实事项目满意度测评", "kind", "EVALUATION",
                "itemIds", List.of(kindergarten, water, schools), "threshold", Map.of("fraction", "1/2", "base", "VALID_BALLOTS")))
                .post("/api/v1/sessions/" + next + "/ballots").then().statusCode(201).extract().path("id");
        t.as().post("/api/v1/ballots/" + rating + "/open").then().statusCode(200);
        for (int d = 0; d < 12; d++) {
            Api.cast(hall.deputy(d), rating, Map.of(kindergarten, "SATISFIED", water, d < 8 ? "UNSATISFIED" : "SATISFIED",
                    schools, "BASICALLY_SATISFIED")).then().statusCode(201);
        }
        Api.closeAndPublish(hall, rating);
        given().get("/api/v1/public/projects/" + water).then().body("project.status", equalTo("RECTIFYING"))
                .body("evaluations[0].outcome", equalTo("UNSATISFIED")).body("project.latestEvaluation", equalTo("UNSATISFIED"));
        t.as().post("/api/v1/projects/" + water + "/close").then().statusCode(409).body("code", equalTo("NOT_CLOSABLE"));

        // SATISFIED but not complete: not yet; complete: closes
        t.as().post("/api/v1/projects/" + kindergarten + "/close").then().statusCode(409);
        String education = Api.department(t, "教育局");
        String m = Api.as(education).body(Map.of("title", "竣工验收", "dueOn", LocalDate.now().plusDays(30).toString()))
                .post("/api/v1/projects/" + kindergarten + "/milestones").then().statusCode(201).extract().path("id");
        Api.as(education).body(Map.of("percent", 100)).post("/api/v1/projects/" + kindergarten + "/milestones/" + m + "/progress")
                .then().statusCode(200).body("progress", equalTo(100.0f));
        t.as().post("/api/v1/projects/" + kindergarten + "/close").then().statusCode(200).body("status", equalTo("CLOSED"));

        // the cross-year project carries into 2028 with its second stage target (跨年度)
        t.as().post("/api/v1/projects/" + schools + "/carry-over").then().statusCode(201).body("year", equalTo(2028))
                .body("stageYear", equalTo(2)).body("stageTarget", equalTo("第2年目标")).body("carriedFrom", equalTo(schools));
        t.as().post("/api/v1/projects/" + kindergarten + "/carry-over").then().statusCode(409).body("code", equalTo("NOT_CROSS_YEAR"));
        given().get("/api/v1/public/congresses/" + t.code() + "/projects?year=2028").then().body("", hasSize(1));
        given().get("/api/v1/public/projects/" + schools).then().body("project.status", equalTo("CARRIED_OVER"));
        t.as().get("/api/v1/congresses/" + t.congressId() + "/audit/verify").then().body("valid", equalTo(true));
    }
}
