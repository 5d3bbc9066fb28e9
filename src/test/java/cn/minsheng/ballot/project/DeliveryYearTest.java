package cn.minsheng.ballot.project;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.minsheng.ballot.support.Api;
import cn.minsheng.ballot.support.Api.Hall;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The year in one test: a published selection makes 10 projects; plans, milestones and reports;
 * a missed due date turns a light RED; an issue goes raised → answered → closed; a termination;
 * the next session rates one project UNSATISFIED; a completed, satisfied project closes; a
 * cross-year project carries over.
 */
@QuarkusTest
class DeliveryYearTest {

    private static final byte[] PNG = { (byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 1, 2, 3 };

    @Test
    void theYear() {
        Hall hall = Api.hall(12, 12);
        var t = hall.tenant();
        List<String> candidates = Api.candidates15(t, Api.openWindow(t, 2027));
        String selection = t.as().body(Map.of("title", "2027年民生实事项目票决", "kind", "SELECTION", "seats", 10, "minSurplus", 2,
                "itemIds", candidates)).post("/api/v1/sessions/" + hall.sessionId() + "/ballots").then().statusCode(201)
                .extract().path("id");
        t.as().post("/api/v1/ballots/" + selection + "/open").then().statusCode(200);
        for (int d = 0; d < 12; d++) {
            Api.cast(hall.deputy(d), selection, Api.ticks(candidates.subList(0, 10))).then().statusCode(201);
        }
        Api.closeAndPublish(hall, selection);

        String list = "/api/v1/public/congresses/" + t.code() + "/projects";
        List<Map<String, Object>> projects = given().get(list).then().statusCode(200).body("", hasSize(10))
                .body("status", everyItem(equalTo("IN_PROGRESS"))).body("light", everyItem(equalTo("GREEN")))
                .extract().path("");
        String schools = idOf(projects, "中小学校舍改扩建");
        String kindergarten = idOf(projects, "县城公办幼儿园新建");
        String water = idOf(projects, "农村饮水安全巩固提升工程");
        String market = idOf(projects, "农贸市场标准化改造");
        String education = Api.department(t, "教育局");
        String waterBureau = Api.department(t, "水利局");

        // the plan, and a refusal for another department
        Map<String, Object> plan = Map.of("leadOfficial", "副县长 李明", "budgetPlanned", 5600, "budgetSpent", 800,
                "targets", "新建教学楼两栋", "startsOn", "2027-01-01", "endsOn", "2028-12-31");
        Api.as(education).body(plan).put("/api/v1/projects/" + schools + "/plan").then().statusCode(200)
                .body("leadOfficial", equalTo("副县长 李明")).body("stageTarget", equalTo("第1年目标"));
        Api.as(waterBureau).body(plan).put("/api/v1/projects/" + schools + "/plan").then().statusCode(403)
                .body("code", equalTo("NOT_RESPONSIBLE"));

        // milestones: one overdue and unfinished turns the light RED
        String p = "/api/v1/projects/" + schools;
        String design = Api.as(education).body(Map.of("title", "完成设计", "dueOn", LocalDate.now().plusDays(60).toString(), "weight", 1))
                .post(p + "/milestones").then().statusCode(201).extract().path("id");
        String works = Api.as(education).body(Map.of("title", "主体施工", "dueOn", LocalDate.now().minusDays(2).toString(), "weight", 3))
                .post(p + "/milestones").then().statusCode(201).extract().path("id");
        given().get("/api/v1/public/projects/" + schools).then().body("project.light", equalTo("RED"))
                .body("milestones.find { it.title == '主体施工' }.overdue", equalTo(true));
        t.as().get("/api/v1/congresses/" + t.congressId() + "/dashboard").then().statusCode(200)
                .body("red", equalTo(1)).body("green", equalTo(9)).body("projects[0].id", equalTo(schools));

        // progress with evidence; over 100, backwards without a reason, bad files are refused
        String evidence = Api.as(education).contentType("image/png").body(PNG).post(p + "/evidence").then().statusCode(201)
                .extract().path("id");
        given().get("/api/v1/public/evidence/" + evidence).then().statusCode(200).contentType("image/png");
        Api.as(education).contentType("image/gif").body("GIF89a".getBytes()).post(p + "/evidence").then().statusCode(415);
        Api.as(education).contentType("image/png").body("not a png".getBytes()).post(p + "/evidence").then().statusCode(415)
                .body("code", equalTo("FILE_TYPE_NOT_ALLOWED"));
        byte[] big = new byte[6 * 1024 * 1024];
        System.arraycopy(PNG, 0, big, 0, PNG.length);
        Api.as(education).contentType("image/png").body(big).post(p + "/evidence").then().statusCode(413)
                .body("code", equalTo("FILE_TOO_LARGE"));
        String progress = p + "/milestones/" + design + "/progress";
        Api.as(education).body(Map.of("percent", 50, "note", "方案已评审", "evidenceIds", List.of(evidence))).post(progress)
                .then().statusCode(200).body("progress", equalTo(12.5f));
        Api.as(education).body(Map.of("percent", 110)).post(progress).then().statusCode(400);
        Api.as(education).body(Map.of("percent", 40)).post(progress).then().statusCode(400).body("code", equalTo("PROGRESS_BACKWARDS"));
        Api.as(education).body(Map.of("percent", 40, "reason", "设计方案调整")).post(progress).then().statusCode(200)
                .body("progress", equalTo(10.0f));
        Api.as(education).body(Map.of("percent", 100)).post(p + "/milestones/" + works + "/progress").then().statusCode(200)
                .body("light", equalTo("GREEN")).body("progress", equalTo(85.0f));
        // a sub-item rolls up by weight
        Api.as(education).body(Map.of("title", "附属运动场", "weight", 1)).post(p + "/subprojects").then().statusCode(201);
        given().get("/api/v1/public/projects/" + schools).then().body("project.progress", equalTo(68.0f))
                .body("subprojects", hasSize(1)).body("reports", hasSize(3)).body("reports[0].percent", equalTo(100.0f));

        // supervision: group, inspection, an issue raised, answered, closed; outsiders refused
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
        Api.as(waterBureau).body(Map.of("answer", "已修复")).post(p + "/issues/" + issue + "/answer").then().statusCode(403);
        Api.as(education).body(Map.of("answer", "已更换围挡并加装警示灯")).post(p + "/issues/" + issue + "/answer").then().statusCode(200);
        Api.as(hall.deputy(5)).body(Map.of("note", "x")).post(p + "/issues/" + issue + "/close").then().statusCode(403);
        Api.as(hall.deputy(1)).body(Map.of("note", "现场核实已整改")).post(p + "/issues/" + issue + "/close").then().statusCode(200);
        given().get("/api/v1/public/projects/" + schools).then().body("issues[0].status", equalTo("CLOSED"))
                .body("issues[0].answer", equalTo("已更换围挡并加装警示灯")).body("inspections", hasSize(1))
                .body("inspections[0].participants", equalTo(List.of("代表0001", "代表0002")))
                .body("supervisionGroup", hasSize(2));

        // a termination decision, public, and the project takes no more writes
        t.as().body(Map.of("kind", "TERMINATE", "body", "县人大常委会第二十二次会议", "decidedOn", "2027-06-30",
                "reference", "青人常〔2027〕12号", "summary", "因选址调整终止实施")).post("/api/v1/projects/" + market + "/decisions")
                .then().statusCode(201);
        given().get("/api/v1/public/projects/" + market).then().body("project.status", equalTo("TERMINATED"))
                .body("decisions[0].reference", equalTo("青人常〔2027〕12号"));
        Api.as(Api.department(t, "市场监督管理局")).body(plan).put("/api/v1/projects/" + market + "/plan").then().statusCode(409)
                .body("code", equalTo("PROJECT_ENDED"));

        // next session: the deputies rate three projects; one is UNSATISFIED
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

        // a completed project rated SATISFIED closes (销号)
        t.as().post("/api/v1/projects/" + kindergarten + "/close").then().statusCode(409);
        String m = Api.as(education).body(Map.of("title", "竣工验收", "dueOn", LocalDate.now().plusDays(30).toString()))
                .post("/api/v1/projects/" + kindergarten + "/milestones").then().statusCode(201).extract().path("id");
        Api.as(education).body(Map.of("percent", 100)).post("/api/v1/projects/" + kindergarten + "/milestones/" + m + "/progress")
                .then().statusCode(200).body("progress", equalTo(100.0f));
        t.as().post("/api/v1/projects/" + kindergarten + "/close").then().statusCode(200).body("status", equalTo("CLOSED"));

        // the cross-year project carries into 2028 with its second stage target
        Response carried = t.as().post("/api/v1/projects/" + schools + "/carry-over");
        carried.then().statusCode(201).body("year", equalTo(2028)).body("stageYear", equalTo(2))
                .body("stageTarget", equalTo("第2年目标")).body("carriedFrom", equalTo(schools));
        t.as().post("/api/v1/projects/" + kindergarten + "/carry-over").then().statusCode(409).body("code", equalTo("NOT_CROSS_YEAR"));
        given().get(list + "?year=2028").then().body("", hasSize(1));
        given().get("/api/v1/public/projects/" + schools).then().body("project.status", equalTo("CARRIED_OVER"));

        // another congress sees none of it
        var other = Api.tenant();
        other.as().body(Map.of("kind", "SUSPEND", "body", "x", "decidedOn", "2027-01-01", "summary", "x"))
                .post("/api/v1/projects/" + water + "/decisions").then().statusCode(404);
        other.as().body(Map.of("deputyIds", List.of())).put("/api/v1/projects/" + water + "/supervisors").then().statusCode(404);

        String csv = t.as().get("/api/v1/congresses/" + t.congressId() + "/dashboard/export").then().statusCode(200).extract()
                .asString();
        assertEquals(12, csv.lines().count(), csv);
        assertTrue(csv.contains("中小学校舍改扩建"));
        t.as().get("/api/v1/congresses/" + t.congressId() + "/audit/verify").then().body("valid", equalTo(true));
    }

    private static String idOf(List<Map<String, Object>> projects, String title) {
        return projects.stream().filter(p -> title.equals(p.get("title"))).map(p -> (String) p.get("id")).findFirst().orElseThrow();
    }
}
