package cn.minsheng.ballot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;

import cn.minsheng.ballot.support.Api;
import cn.minsheng.ballot.support.Api.Hall;
import cn.minsheng.ballot.support.Browser;
import cn.minsheng.ballot.support.Pages;
import io.quarkus.test.junit.QuarkusTest;

/**
 * A scrutineer's Vue pages on a laptop: a paper ballot entered one by one during a mixed vote, the
 * figures of the count shown as the service computed them, and the countersignature; then a ballot
 * on paper only whose returned ballots are entered as totals per item.
 */
@QuarkusTest
class ScrutineerPagesTest {

    private final int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
    private final String base = "http://localhost:" + port;

    @Test
    void aScrutineerEntersAPaperBallotAndCountersignsTheFiguresShown() throws Exception {
        Hall hall = Api.hall(3, 3);
        var t = hall.tenant();
        List<String> candidates = Api.candidates15(t, Api.openWindow(t, 2027)).subList(0, 4);
        String ballot = Api.openBallot(hall, Map.of("title", "纸质与电子混合票决", "kind", "SELECTION", "seats", 2, "minSurplus", 1,
                "itemIds", candidates, "channels", List.of("ELECTRONIC", "PAPER")));
        for (int d = 0; d < 2; d++) {
            Api.cast(hall.deputy(d), ballot, Api.ticks(candidates.subList(0, 2))).then().statusCode(201);
        }
        String scrutineer = Api.accountName(t, "scrutineer");
        try (Browser laptop = Pages.open(1280, 800)) {
            laptop.go(base + "/app/scrutineer");
            Pages.signIn(laptop, t.code(), scrutineer, Api.PASSWORD);
            laptop.shown(By.cssSelector("button[data-ballot='" + ballot + "']"));
            Pages.check(laptop, "vue-scrutineer-ballots");
            laptop.shown(By.cssSelector("button[data-ballot='" + ballot + "']")).click();
            laptop.text(By.id("ballot-heading"), "纸质与电子混合票决");
            Pages.fill(laptop, By.id("paper-issued"), "1", Keys.TAB);
            laptop.until(d -> d.findElements(By.cssSelector("#paper-items button.item")).size() == 4);
            laptop.driver.findElements(By.cssSelector("#paper-items button.item")).get(0).click();
            laptop.driver.findElements(By.cssSelector("#paper-items button.item")).get(2).click();
            laptop.shown(By.id("paper-add")).click();
            laptop.until(d -> d.findElements(By.cssSelector("#paper-entered li")).size() == 1);
            Pages.check(laptop, "vue-scrutineer-paper");
            laptop.shown(By.id("paper-record")).click();
            Pages.confirm(laptop);
            String recorded = laptop.text(By.id("paper-recorded"), "逐张录入 1 张");
            assertTrue(recorded.contains("发出 1 张"), recorded);

            // the chair closes; the page shows the count's figures as the service computed them
            t.as().post("/api/v1/ballots/" + ballot + "/close").then().statusCode(200);
            laptop.driver.navigate().refresh();
            laptop.shown(By.id("countersign"));
            Map<String, Object> figures = t.as().get("/api/v1/ballots/" + ballot + "/result").then().statusCode(200).extract()
                    .path("figures");
            for (String f : List.of("present", "issued", "returned", "valid", "invalid")) {
                assertEquals(String.valueOf(figures.get(f)), laptop.shown(By.cssSelector(".result-figures dd." + f)).getText().trim(), f);
            }
            assertEquals(3, ((Number) figures.get("returned")).intValue(), "two tablets and one paper ballot");
            Pages.check(laptop, "vue-scrutineer-result");
            laptop.shown(By.id("countersign")).click();
            Pages.confirm(laptop);
            laptop.until(d -> t.as().get("/api/v1/ballots/" + ballot + "/result").<List<?>>path("countersignatures").size() == 1);
            laptop.text(By.cssSelector(".result-figures"), "监票人签字 1");
            Pages.check(laptop, "vue-scrutineer-signed");

            // a ballot on paper only, its returned ballots entered as totals per item after a confirmation
            String paper = Api.openBallot(hall, Map.of("title", "纸质选票合计录入", "kind", "SELECTION", "seats", 2, "minSurplus", 1,
                    "itemIds", candidates, "channels", List.of("PAPER")));
            laptop.go(base + "/app/scrutineer/ballots/" + paper);
            laptop.text(By.id("ballot-heading"), "纸质选票合计录入");
            Pages.fill(laptop, By.id("paper-issued"), "3", Keys.TAB);
            laptop.shown(By.xpath("//label[contains(@class,'el-radio-button')][normalize-space(.)='按合计录入']")).click();
            Pages.fill(laptop, By.id("paper-returned"), "3", Keys.TAB);
            int[] votes = { 3, 2, 1, 0 };
            for (int i = 0; i < 4; i++) {
                Pages.fill(laptop, By.cssSelector("[data-count='" + candidates.get(i) + ":FOR'] input"), String.valueOf(votes[i]), Keys.TAB);
            }
            Pages.check(laptop, "vue-scrutineer-totals");
            laptop.shown(By.id("paper-record")).click();
            Pages.confirm(laptop);
            laptop.text(By.id("paper-recorded"), "按合计录入 3 张");
            t.as().post("/api/v1/ballots/" + paper + "/close").then().statusCode(200);
            laptop.driver.navigate().refresh();
            laptop.shown(By.id("countersign"));
            List<Integer> counted = t.as().get("/api/v1/ballots/" + paper + "/result").jsonPath().getList("figures.items.forCount");
            assertEquals(List.of(3, 2, 1, 0), counted);
            assertEquals("3", laptop.shown(By.cssSelector(".result-figures dd.returned")).getText().trim());
        }
    }
}
