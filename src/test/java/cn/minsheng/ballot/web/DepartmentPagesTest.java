package cn.minsheng.ballot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import javax.imageio.ImageIO;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

import cn.minsheng.ballot.support.Api;
import cn.minsheng.ballot.support.Api.Hall;
import cn.minsheng.ballot.support.Browser;
import cn.minsheng.ballot.support.Pages;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * A selected project's year through the Vue pages: the department sets the plan's lead official
 * (the budget it had is kept), adds a milestone and reports progress with a photo; a supervising
 * deputy records an inspection naming a colleague of the group by name and raises an issue from a
 * phone; the department answers it; the deputy sends it back with a note, the department answers
 * again and the deputy closes it after a confirmation; the deputy then proposes a project from the
 * phone's proposal form and finds it by its query code.
 */
@QuarkusTest
class DepartmentPagesTest {

    private final int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
    private final String base = "http://localhost:" + port;

    /** The department answers an issue on its page. */
    private static void answer(Browser office, String issueId, String words) {
        office.driver.navigate().refresh();
        office.shown(By.cssSelector("li[data-issue='" + issueId + "'] textarea")).sendKeys(words);
        office.shown(By.cssSelector("button[data-answer='" + issueId + "']")).click();
        office.text(By.cssSelector("li[data-issue='" + issueId + "']"), "已答复");
    }

    @Test
    void aDepartmentPlansAndReportsWithAPhotoAndADeputyRaisesAnIssueItAnswersAndTheDeputyCloses() throws Exception {
        Hall hall = Api.hall(3, 3);
        var t = hall.tenant();
        List<String> candidates = Api.candidates15(t, Api.openWindow(t, 2027)).subList(0, 3);
        String ballot = Api.openBallot(hall, Map.of("title", "2027年民生实事项目票决", "kind", "SELECTION", "seats", 1, "minSurplus", 1,
                "itemIds", candidates.subList(0, 2)));
        for (int d = 0; d < 3; d++) {
            Api.cast(hall.deputy(d), ballot, Api.ticks(candidates.subList(0, 1))).then().statusCode(201);
        }
        Api.closeAndPublish(hall, ballot);
        Map<String, Object> project = RestAssured.given().get("/api/v1/public/congresses/" + t.code() + "/projects").then()
                .statusCode(200).extract().path("[0]");
        String projectId = (String) project.get("id");
        Number budget = (Number) project.get("budgetPlanned");
        t.as().body(Map.of("deputyIds", hall.deputyIds().subList(0, 2))).put("/api/v1/projects/" + projectId + "/supervisors").then()
                .statusCode(200);
        String username = Api.unique("dep");
        t.as().body(Map.of("username", username, "password", Api.PASSWORD, "role", "department", "department", project.get("department")))
                .post("/api/v1/congresses/" + t.congressId() + "/accounts").then().statusCode(201);
        Path photo = Files.createTempFile("site-photo", ".png");
        ImageIO.write(new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB), "png", photo.toFile());

        try (Browser office = Pages.open(1280, 800); Browser phone = Pages.open(390, 844)) {
            office.go(base + "/app/department");
            Pages.signIn(office, t.code(), username, Api.PASSWORD);
            office.shown(By.cssSelector("button[data-open='" + projectId + "']"));
            Pages.check(office, "vue-department-projects");
            office.shown(By.cssSelector("button[data-open='" + projectId + "']")).click();
            office.type(By.id("plan-lead"), "王副县长");
            office.shown(By.id("plan-save")).click();
            office.until(d -> "王副县长".equals(RestAssured.given().get("/api/v1/public/projects/" + projectId).path("project.leadOfficial")));
            assertEquals(budget.doubleValue(), RestAssured.given().get("/api/v1/public/projects/" + projectId)
                    .<Number>path("project.budgetPlanned").doubleValue(), "the plan's update kept the budget");

            office.type(By.id("milestone-title"), "完成设备安装");
            Pages.fill(office, By.id("milestone-due"), java.time.LocalDate.now().plusDays(60).toString(), Keys.ENTER);
            office.shown(By.id("milestone-add")).click();
            // the "saved" message sits over the top of the page for a few seconds, as it does for a person
            office.until(d -> d.findElements(By.cssSelector(".el-message")).isEmpty());
            office.shown(By.cssSelector("li[data-milestone] button[data-report]")).click();
            Pages.fill(office, By.id("report-percent"), "40", Keys.TAB);
            office.type(By.id("report-note"), "设备已进场");
            office.driver.findElement(By.id("report-evidence")).sendKeys(photo.toString());
            office.text(By.cssSelector(".evidence .names"), photo.getFileName().toString());
            Pages.check(office, "vue-department-progress");
            office.shown(By.id("report-send")).click();
            Map<String, Object> report = office.until(d -> RestAssured.given().get("/api/v1/public/projects/" + projectId)
                    .<Map<String, Object>>path("reports[0]"));
            assertEquals(40, ((Number) report.get("percent")).intValue());
            assertEquals(1, ((List<?>) report.get("evidenceIds")).size(), "the photo is attached to the report");
            office.shown(By.cssSelector("a.evidence-link"));
            Pages.check(office, "vue-department-project");

            // a supervising deputy, on a phone: an inspection and an issue with a due date
            phone.go(base + "/app/deputy/supervise");
            Pages.signIn(phone, t.code(), hall.usernames().get(0), hall.passwords().get(0));
            phone.shown(By.cssSelector("button[data-open='" + projectId + "']")).click();
            phone.type(By.id("inspection-findings"), "设备安装进度偏慢");
            // the group's members by name (getSupervisionGroup): the deputy is ticked, a colleague is added
            String self = phone.text(By.cssSelector("[data-participant='" + hall.deputyIds().get(0) + "']"), "代表0001");
            assertTrue(self.contains("本人"), self);
            phone.text(By.cssSelector("[data-participant='" + hall.deputyIds().get(1) + "']"), "代表0002");
            phone.shown(By.cssSelector("[data-participant='" + hall.deputyIds().get(1) + "']")).click();
            phone.shown(By.id("inspection-submit")).click();
            phone.text(By.cssSelector("article.project-facts"), "设备安装进度偏慢");
            assertEquals(List.of("代表0001", "代表0002"), RestAssured.given().get("/api/v1/public/projects/" + projectId).jsonPath()
                    .getList("inspections[0].participants"));
            phone.type(By.id("issue-title"), "施工围挡占用人行道");
            phone.type(By.id("issue-description"), "请调整围挡，保证行人通行。");
            Pages.fill(phone, By.id("issue-due"), java.time.LocalDate.now().plusDays(10).toString(), Keys.ENTER);
            phone.shown(By.id("issue-submit")).click();
            phone.text(By.cssSelector("li[data-issue]"), "待答复");
            Pages.check(phone, "vue-deputy-supervise");
            String issueId = phone.shown(By.cssSelector("li[data-issue]")).getAttribute("data-issue");

            // the department answers it; the deputy finds the answer short and sends the issue back with a note
            answer(office, issueId, "已将围挡后移一米");
            phone.driver.navigate().refresh();
            phone.text(By.cssSelector("li[data-issue='" + issueId + "']"), "已答复");
            phone.shown(By.cssSelector("li[data-issue='" + issueId + "'] input")).sendKeys("夜间仍无照明");
            phone.shown(By.cssSelector("button[data-reopen='" + issueId + "']")).click();
            phone.text(By.cssSelector("li[data-issue='" + issueId + "']"), "待答复");
            assertEquals("OPEN", RestAssured.given().get("/api/v1/public/projects/" + projectId).path("issues[0].status"));
            Pages.check(phone, "vue-deputy-issue-reopened");
            answer(office, issueId, "已加装警示灯带");

            // the deputy closes it, after a confirmation
            phone.driver.navigate().refresh();
            phone.shown(By.cssSelector("button[data-close='" + issueId + "']")).click();
            Pages.confirm(phone);
            phone.text(By.cssSelector("li[data-issue='" + issueId + "']"), "已销号");
            assertEquals("CLOSED", RestAssured.given().get("/api/v1/public/projects/" + projectId).path("issues[0].status"));
            Pages.check(phone, "vue-deputy-issue-closed");

            // the deputy proposes a project for next year from the phone: the source is the sign-in's
            phone.go(base + "/app/deputy/propose");
            phone.text(By.cssSelector(".rules"), "欢迎提出建议");
            phone.type(By.id("proposal-title"), "乡镇卫生院增设夜间门诊");
            phone.type(By.id("proposal-summary"), "为三个乡镇卫生院增设夜间门诊，方便群众就医。");
            phone.until(d -> d.findElements(By.cssSelector("#proposal-category option")).size() > 1);
            new org.openqa.selenium.support.ui.Select(phone.shown(By.id("proposal-category"))).selectByIndex(1);
            Pages.check(phone, "vue-deputy-propose");
            phone.shown(By.id("proposal-submit")).click();
            String code = phone.text(By.id("proposal-done"), "乡镇卫生院增设夜间门诊");
            Map<String, Object> proposed = RestAssured.given().get("/api/v1/public/congresses/" + t.code() + "/proposals/by-code/"
                    + code.replaceAll("(?s).*查询码：([0-9A-F]{8}).*", "$1")).then().statusCode(200).extract().path("");
            assertEquals("乡镇卫生院增设夜间门诊", proposed.get("title"));
            assertEquals("DEPUTY", proposed.get("source"));
            Pages.check(phone, "vue-deputy-proposed");
        } finally {
            Files.deleteIfExists(photo);
        }
    }
}
