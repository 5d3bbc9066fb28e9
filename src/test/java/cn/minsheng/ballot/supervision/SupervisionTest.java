package cn.minsheng.ballot.supervision;

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

/** Deputies supervise a project: the group, an inspection, an issue raised → answered → closed; outsiders refused. */
@QuarkusTest
class SupervisionTest {

    @Test
    void aGroupInspectsRaisesAnIssueAndClosesItOnceAnswered() {
        Hall hall = Api.hall(6, 6);
        var t = hall.tenant();
        String schools = Api.selectedProjects(hall, 10).get("中小学校舍改扩建");
        String education = Api.department(t, "教育局");
        String p = "/api/v1/projects/" + schools;
        List<String> group = List.of(hall.deputyIds().get(0), hall.deputyIds().get(1));
        t.as().body(Map.of("deputyIds", group)).put(p + "/supervisors").then().statusCode(200);
        // the group with ids and names, for any deputy of the congress (an inspection names its participants)
        Api.as(hall.deputy(5)).get(p + "/supervisors").then().statusCode(200).body("id", equalTo(group))
                .body("name", equalTo(List.of("代表0001", "代表0002")));
        t.as().get(p + "/supervisors").then().statusCode(200).body("id", equalTo(group));
        Api.as(education).get(p + "/supervisors").then().statusCode(403);
        given().get(p + "/supervisors").then().statusCode(401);
        Api.tenant().as().get(p + "/supervisors").then().statusCode(404).body("code", equalTo("NOT_FOUND"));
        Api.as(hall.deputy(5)).body(Map.of("title", "x", "description", "y")).post(p + "/issues").then().statusCode(403)
                .body("code", equalTo("NOT_IN_GROUP"));
        Api.as(hall.deputy(0)).body(Map.of("inspectedOn", LocalDate.now().toString(), "participants", group,
                "findings", "工地安全措施到位，进度略慢")).post(p + "/inspections").then().statusCode(201);
        String issue = Api.as(hall.deputy(0)).body(Map.of("title", "围挡破损", "description", "东侧围挡破损，存在安全隐患"))
                .post(p + "/issues").then().statusCode(201).extract().path("id");
        Api.as(hall.deputy(1)).body(Map.of("note", "先销号")).post(p + "/issues/" + issue + "/close").then().statusCode(409)
                .body("code", equalTo("ISSUE_NOT_ANSWERED"));
        Api.as(Api.department(t, "水利局")).body(Map.of("answer", "已修复")).post(p + "/issues/" + issue + "/answer").then()
                .statusCode(403);
        Api.as(education).body(Map.of("answer", "已更换围挡并加装警示灯")).post(p + "/issues/" + issue + "/answer").then().statusCode(200);
        Api.as(hall.deputy(5)).body(Map.of("note", "x")).post(p + "/issues/" + issue + "/close").then().statusCode(403);
        Api.as(hall.deputy(1)).body(Map.of("note", "现场核实已整改")).post(p + "/issues/" + issue + "/close").then().statusCode(200);
        given().get("/api/v1/public/projects/" + schools).then().body("issues[0].status", equalTo("CLOSED"))
                .body("issues[0].answer", equalTo("已更换围挡并加装警示灯")).body("inspections", hasSize(1))
                .body("inspections[0].participants", equalTo(List.of("代表0001", "代表0002")))
                .body("supervisionGroup", hasSize(2));

        Api.tenant().as().body(Map.of("deputyIds", List.of())).put(p + "/supervisors").then().statusCode(404);
    }
}
