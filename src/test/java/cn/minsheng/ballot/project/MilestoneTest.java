package cn.minsheng.ballot.project;

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

/** Milestones, progress with evidence and sub-items: the light and the progress they make. */
@QuarkusTest
class MilestoneTest {

    static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1, 2, 3 };

    @Test
    void anOverdueMilestoneTurnsTheLightRedAndProgressRollsUpByWeight() {
        Hall hall = Api.hall(3, 3);
        var t = hall.tenant();
        String schools = Api.selectedProjects(hall, 10).get("中小学校舍改扩建");
        String education = Api.department(t, "教育局");
        String p = "/api/v1/projects/" + schools;
        String design = Api.as(education).body(Map.of("title", "完成设计", "dueOn", LocalDate.now().plusDays(60).toString(), "weight", 1))
                .post(p + "/milestones").then().statusCode(201).extract().path("id");
        String works = Api.as(education).body(Map.of("title", "主体施工", "dueOn", LocalDate.now().minusDays(2).toString(), "weight", 3))
                .post(p + "/milestones").then().statusCode(201).extract().path("id");
        given().get("/api/v1/public/projects/" + schools).then().body("project.light", equalTo("RED"))
                .body("milestones.find { it.title == '主体施工' }.overdue", equalTo(true));

        String evidence = Api.as(education).contentType("image/png").body(PNG).post(p + "/evidence").then().statusCode(201)
                .extract().path("id");
        given().get("/api/v1/public/evidence/" + evidence).then().statusCode(200).contentType("image/png");
        String progress = p + "/milestones/" + design + "/progress";
        Api.as(education).body(Map.of("percent", 50, "note", "方案已评审", "evidenceIds", List.of(evidence))).post(progress)
                .then().statusCode(200).body("progress", equalTo(12.5f));
        Api.as(education).body(Map.of("percent", 110)).post(progress).then().statusCode(400);
        Api.as(education).body(Map.of("percent", 40)).post(progress).then().statusCode(400).body("code", equalTo("PROGRESS_BACKWARDS"));
        Api.as(education).body(Map.of("percent", 40, "reason", "设计方案调整")).post(progress).then().statusCode(200)
                .body("progress", equalTo(10.0f));
        Api.as(education).body(Map.of("percent", 100)).post(p + "/milestones/" + works + "/progress").then().statusCode(200)
                .body("light", equalTo("GREEN")).body("progress", equalTo(85.0f));
        Api.as(education).body(Map.of("title", "附属运动场", "weight", 1)).post(p + "/subprojects").then().statusCode(201);
        given().get("/api/v1/public/projects/" + schools).then().body("project.progress", equalTo(68.0f))
                .body("subprojects", hasSize(1)).body("reports", hasSize(3)).body("reports[0].percent", equalTo(100.0f));
    }

    @Test
    void evidenceOfTheWrongTypeOrTooLargeIsRefused() {
        Hall hall = Api.hall(3, 3);
        String p = "/api/v1/projects/" + Api.selectedProjects(hall, 10).get("中小学校舍改扩建");
        String education = Api.department(hall.tenant(), "教育局");
        Api.as(education).contentType("image/gif").body("GIF89a".getBytes()).post(p + "/evidence").then().statusCode(415);
        Api.as(education).contentType("image/png").body("not a png".getBytes()).post(p + "/evidence").then().statusCode(415)
                .body("code", equalTo("FILE_TYPE_NOT_ALLOWED"));
        byte[] big = new byte[6 * 1024 * 1024];
        System.arraycopy(PNG, 0, big, 0, PNG.length);
        Api.as(education).contentType("image/png").body(big).post(p + "/evidence").then().statusCode(413)
                .body("code", equalTo("FILE_TOO_LARGE"));
    }
}
