package cn.minsheng.ballot.project;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.minsheng.ballot.support.Api;
import cn.minsheng.ballot.support.Api.Hall;
import io.quarkus.test.junit.QuarkusTest;

/**
 * What the pages revealed: a plan update keeps what the client did not send; the public view names
 * the supervision group's deputies and states evaluation outcomes in words and as a percentage;
 * refusals carry words, never a code or an empty name.
 */
@QuarkusTest
class PublicProjectWordsTest {

    private static Hall hall;
    private static String schools;
    private static String education;

    /** Once for the class (RestAssured knows the test port only once the first test runs). */
    @BeforeEach
    void aSelectedProject() {
        if (hall != null) {
            return;
        }
        hall = Api.hall(6, 6);
        schools = Api.selectedProjects(hall, 10).get("中小学校舍改扩建");
        education = Api.department(hall.tenant(), "教育局");
    }

    @Test
    void aPlanUpdateKeepsWhatWasNotSent() {
        String plan = "/api/v1/projects/" + schools + "/plan";
        Float fromCandidate = given().get("/api/v1/public/projects/" + schools).then().statusCode(200)
                .extract().path("project.budgetPlanned");
        Api.as(education).body(Map.of("leadOfficial", "副县长 李明", "startsOn", "2027-01-01")).put(plan).then().statusCode(200)
                .body("leadOfficial", equalTo("副县长 李明")).body("budgetPlanned", equalTo(fromCandidate));
        Api.as(education).body(Map.of("targets", "新建教学楼两栋", "endsOn", "2028-12-31")).put(plan).then().statusCode(200)
                .body("leadOfficial", equalTo("副县长 李明")).body("startsOn", equalTo("2027-01-01"))
                .body("targets", equalTo("新建教学楼两栋")).body("budgetPlanned", equalTo(fromCandidate));
        // the dates are checked against what the project keeps, not only against what was sent
        Api.as(education).body(Map.of("endsOn", "2026-06-30")).put(plan).then().statusCode(400)
                .body("code", equalTo("PLAN_DATES_INVALID"));
    }

    @Test
    void theSupervisionGroupIsNamed() {
        var t = hall.tenant();
        t.as().body(Map.of("deputyIds", List.of(hall.deputyIds().get(0), hall.deputyIds().get(1))))
                .put("/api/v1/projects/" + schools + "/supervisors").then().statusCode(200);
        List<String> names = hall.deputyIds().subList(0, 2).stream()
                .map(id -> t.as().get("/api/v1/congresses/" + t.congressId() + "/deputies/" + id).then().statusCode(200)
                        .extract().<String>path("name"))
                .toList();
        given().get("/api/v1/public/projects/" + schools).then().statusCode(200)
                .body("supervisionGroup", containsInAnyOrder(names.toArray()));
    }

    @Test
    void refusalsAreInWords() {
        // a project with no evaluation cannot be closed: the message names its status in words, not IN_PROGRESS
        hall.tenant().as().header("Accept-Language", "zh-CN").post("/api/v1/projects/" + schools + "/close").then()
                .statusCode(409).body("code", equalTo("NOT_CLOSABLE"))
                .body("detail", containsString("实施中")).body("detail", containsString("最近测评 无"))
                .body("detail", not(containsString("IN_PROGRESS"))).body("detail", not(containsString("null")));
        // a foreign or unknown id names the thing in words; an unknown address does not leave the name empty
        given().header("Accept-Language", "zh-CN").get("/api/v1/public/projects/" + java.util.UUID.randomUUID()).then()
                .statusCode(404).body("detail", equalTo("未找到该项目。"));
        given().header("Accept-Language", "en").get("/api/v1/public/projects/" + java.util.UUID.randomUUID()).then()
                .statusCode(404).body("detail", equalTo("No such project."));
        given().header("Accept-Language", "zh-CN").get("/api/v1/no-such-thing").then().statusCode(404)
                .body("detail", equalTo("未找到请求的地址或资源。"));
    }
}
