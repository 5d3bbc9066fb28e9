package cn.minsheng.ballot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import cn.minsheng.ballot.support.Api;
import cn.minsheng.ballot.support.Api.Hall;
import cn.minsheng.ballot.support.Browser;
import cn.minsheng.ballot.support.Pages;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;

/**
 * The residents' Vue pages from a phone-sized window: the list of congresses, searched, one opened;
 * the solicitation's notice, a proposal sent
 * through the form, its fate looked up by the code the page showed, then the published result
 * (chart, figures, board) and the projects it selected, one opened.
 */
@QuarkusTest
class PublicPagesTest {

    private final int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
    private final String base = "http://localhost:" + port;

    @Test
    void aResidentProposesFromAPhoneAndFollowsItToTheResultAndTheProjects() throws Exception {
        Hall hall = Api.hall(3, 3);
        var t = hall.tenant();
        String window = Api.openWindow(t, 2027);
        try (Browser phone = Pages.open(390, 844)) {
            // the first screen lists every congress by name (publicCongresses); a fragment of the name or code narrows it
            phone.go(base + "/app/public");
            phone.shown(By.cssSelector("#congress-list li a"));
            Pages.check(phone, "vue-public-congresses");
            phone.type(By.id("congress-search"), t.code());
            phone.shown(By.id("congress-find")).click();
            phone.until(d -> d.findElements(By.cssSelector("#congress-list li")).size() == 1);
            phone.text(By.cssSelector("#congress-list a[data-code='" + t.code() + "']"), "测试县人民代表大会");
            phone.shown(By.cssSelector("#congress-list a[data-code='" + t.code() + "']")).click();
            phone.text(By.cssSelector("[data-solicitation='" + window + "']"), "欢迎提出建议");
            Pages.check(phone, "vue-public-solicitation");
            phone.shown(By.id("propose-" + window)).click();
            phone.type(By.id("proposal-title"), "老旧小区加装电梯");
            phone.type(By.id("proposal-summary"), "五层以上老旧住宅没有电梯，老人上下楼困难。");
            new org.openqa.selenium.support.ui.Select(phone.shown(By.id("proposal-category"))).selectByIndex(1);
            phone.type(By.id("proposal-location"), "城关镇幸福里小区");
            phone.type(By.id("proposal-contact-phone"), "13800000000");
            Pages.check(phone, "vue-public-proposal-form");
            phone.shown(By.id("proposal-submit")).click();
            String code = phone.shown(By.id("proposal-code")).getText().trim();
            assertEquals(8, code.length(), code);
            Pages.check(phone, "vue-public-proposal-code");
            Map<String, Object> mine = RestAssured.given().get("/api/v1/public/congresses/" + t.code() + "/proposals?q=老旧小区加装电梯")
                    .then().statusCode(200).extract().path("items[0]");
            assertTrue(((String) mine.get("id")).replace("-", "").toUpperCase().startsWith(code), mine + " / " + code);
            assertEquals("PUBLIC", mine.get("source"));

            // the secretariat screens it; the resident looks its fate up by the code
            t.as().body(Map.of("decision", "ACCEPT", "department", "县住建局", "estimatedBudget", 800000, "plannedYears", 1))
                    .post("/api/v1/proposals/" + mine.get("id") + "/screening").then().statusCode(200);
            phone.shown(By.id("tab-lookup")).click();
            phone.type(By.id("lookup-code"), code.toLowerCase());
            phone.shown(By.id("lookup-go")).click();
            String fate = phone.text(By.id("lookup-result"), "老旧小区加装电梯");
            assertTrue(fate.contains("已审查通过"), fate);
            Pages.check(phone, "vue-public-lookup");

            // a vote over four candidates, published: the result and the projects reach the phone
            List<String> candidates = Api.candidates15(t, window).subList(0, 4);
            String ballot = Api.openBallot(hall, Map.of("title", "2027年民生实事项目票决", "kind", "SELECTION", "seats", 2,
                    "minSurplus", 1, "itemIds", candidates));
            for (int d = 0; d < 3; d++) {
                Api.cast(hall.deputy(d), ballot, Api.ticks(candidates.subList(0, 2))).then().statusCode(201);
            }
            Api.closeAndPublish(hall, ballot);
            phone.go(base + "/app/public/" + t.code() + "?tab=results");
            phone.shown(By.cssSelector("article.result[data-ballot='" + ballot + "'] .result-chart canvas"));
            phone.text(By.cssSelector("article.result .result-figures"), "当选");
            assertEquals("3", phone.shown(By.cssSelector("article.result .result-figures dd.valid")).getText().trim());
            Pages.check(phone, "vue-public-results");
            phone.shown(By.cssSelector("article.result a.board-link")).click();
            phone.until(d -> d.findElements(By.cssSelector(".paged tbody tr")).size() == 3);
            Pages.check(phone, "vue-public-board");

            phone.go(base + "/app/public/" + t.code() + "?tab=projects");
            phone.until(d -> d.findElements(By.cssSelector("article.project")).size() == 2);
            Pages.check(phone, "vue-public-projects");
            phone.shown(By.cssSelector("article.project h3 a")).click();
            String detail = phone.text(By.cssSelector("article.project-facts"), "代表监督组");
            assertTrue(detail.contains("承办单位") && (detail.contains("绿灯") || detail.contains("黄灯") || detail.contains("红灯")), detail);
            Pages.check(phone, "vue-public-project");
        }
    }
}
