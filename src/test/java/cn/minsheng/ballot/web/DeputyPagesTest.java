package cn.minsheng.ballot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import cn.minsheng.ballot.support.Api;
import cn.minsheng.ballot.support.Api.Hall;
import cn.minsheng.ballot.support.Browser;
import cn.minsheng.ballot.support.FlakyProxy;
import cn.minsheng.ballot.support.Pages;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The deputy's Vue pages on a 10-inch tablet, with the projector following the hall: check-in, the
 * ballot made from a published slate showing each candidate's unit and budget, the mark limit as
 * the deputy taps, the review, a network cut while the ballot is sent (one ballot counted, the
 * receipt shown), the check on the board, and sign-out leaving only trackers on the device. Then a
 * ballot voted on paper only is not offered; a motion is voted for, then against, and confirmed while
 * the network is down; the tablet is reloaded during the outage and sends the kept ballot, once, when
 * the network is back.
 */
@QuarkusTest
class DeputyPagesTest {

    private static final By ITEMS = By.cssSelector("#items button.item");

    private final int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
    private final String base = "http://localhost:" + port;

    @Test
    void aDeputyVotesOnTheTabletThroughANetworkCutAndChecksTheReceipt() throws Exception {
        Hall hall = Api.hall(3, 2); // the tablet's deputy is the third, not yet checked in
        var t = hall.tenant();
        List<String> candidates = Api.candidates15(t, Api.openWindow(t, 2027)).subList(0, 4);
        String slate = t.as().body(Map.of("title", "2027年候选项目", "year", 2027, "seats", 2, "minSurplus", 1, "candidateIds",
                candidates)).post("/api/v1/congresses/" + t.congressId() + "/slates").then().statusCode(201).extract().path("id");
        t.as().body(Map.of("body", "县人大常委会第二十次会议", "date", "2026-12-20")).post("/api/v1/slates/" + slate + "/review").then()
                .statusCode(200);
        t.as().post("/api/v1/slates/" + slate + "/publish").then().statusCode(200);
        String ballot = t.as().body(Map.of("title", "2027年民生实事项目票决", "kind", "SELECTION", "slateId", slate))
                .post("/api/v1/sessions/" + hall.sessionId() + "/ballots").then().statusCode(201).extract().path("id");
        String department = t.as().get("/api/v1/candidates/" + candidates.get(0)).then().statusCode(200).extract().path("department");
        String projector = Api.accountName(t, "projector");

        try (FlakyProxy network = new FlakyProxy(port); Browser screen = Pages.open(1280, 800);
                Browser tablet = Pages.open(800, 1280)) {
            screen.go(base + "/app/projector/" + hall.sessionId());
            Pages.signIn(screen, t.code(), projector, Api.PASSWORD);
            screen.text(By.id("present"), "2");
            screen.text(By.id("quorum"), "法定人数");

            tablet.go("http://localhost:" + network.port() + "/app/deputy/vote");
            Pages.signIn(tablet, t.code(), hall.usernames().get(2), hall.passwords().get(2));
            tablet.shown(By.id("check-in")).click();
            tablet.text(By.id("attendance-state"), "已签到");
            screen.text(By.id("present"), "3");
            tablet.text(By.id("waiting"), "等待主持人");
            Pages.check(tablet, "vue-deputy-waiting");
            Pages.check(screen, "vue-projector-hall");

            // the chair opens the vote: the ballot appears by itself, with each candidate's unit and budget
            t.as().post("/api/v1/ballots/" + ballot + "/open").then().statusCode(200);
            List<WebElement> items = tablet.until(d -> {
                List<WebElement> shown = d.findElements(ITEMS);
                return shown.size() == 4 && shown.get(0).isDisplayed() ? shown : null;
            });
            String facts = tablet.text(By.cssSelector("#items li"), "承办单位");
            assertTrue(facts.contains(department), facts);
            assertTrue(facts.contains("预算"), facts);
            assertTrue(tablet.shown(By.id("ballot-rules")).getText().contains("最多可选 2 项"));
            screen.text(By.id("turnout"), "已投票 0 / 实到 3");

            items.get(0).click();
            items.get(1).click();
            tablet.text(By.id("counter"), "已选 2 / 2");
            tablet.driver.findElements(ITEMS).get(2).click();
            assertTrue(tablet.shown(By.id("limit")).getText().contains("最多只能选 2 项"));
            assertEquals("false", tablet.driver.findElements(ITEMS).get(2).getAttribute("aria-checked"));
            tablet.driver.findElements(ITEMS).get(0).click(); // a change of mind
            tablet.driver.findElements(ITEMS).get(2).click();
            assertEquals(List.of("false", "true", "true", "false"),
                    tablet.driver.findElements(ITEMS).stream().map(e -> e.getAttribute("aria-checked")).toList());
            Pages.check(tablet, "vue-deputy-ballot");

            tablet.shown(By.id("review")).click();
            tablet.until(d -> d.findElements(By.cssSelector("#confirm-list li")).size() == 2);
            Pages.check(tablet, "vue-deputy-review");

            // the network fails as the deputy confirms: the vote is recorded, the answer lost; the retry
            // with the same key gets the first receipt
            network.cut();
            tablet.shown(By.id("submit")).click();
            tablet.until(d -> Api.as(t.secretariat()).get("/api/v1/ballots/" + ballot + "/turnout").<Integer>path("cast") == 1);
            tablet.text(By.id("sending"), "正在重新提交");
            assertTrue(network.answersSwallowed() > 0, "the cut swallowed the service's answer");
            tablet.screenshot("vue-deputy-network-cut");
            network.restore();
            String tracker = tablet.shown(By.id("tracker")).getText().trim();
            assertEquals(1, Api.as(t.secretariat()).get("/api/v1/ballots/" + ballot + "/turnout").<Integer>path("cast"));
            screen.text(By.id("turnout"), "已投票 1 / 实到 3");
            Pages.check(tablet, "vue-deputy-receipt");

            // before close the board cannot be checked; after publication it holds the ballot as cast
            tablet.shown(By.id("verify")).click();
            tablet.text(By.id("verify-result"), "表决结束后");
            Api.cast(hall.deputy(0), ballot, Api.ticks(candidates.subList(0, 2))).then().statusCode(201);
            Api.closeAndPublish(hall, ballot);
            screen.text(By.id("result-title"), "2027年民生实事项目票决");
            screen.shown(By.cssSelector(".result-chart canvas"));
            Pages.check(screen, "vue-projector-result");
            tablet.shown(By.id("verify")).click();
            String verified = tablet.text(By.id("verify-result"), "已计入");
            assertTrue(verified.contains("2. ") && verified.contains("3. ") && !verified.contains("1. "), verified);
            List<Map<String, String>> marks = Api.as(t.secretariat()).get("/api/v1/ballots/" + ballot + "/board/" + tracker).path("marks");
            assertEquals(2, marks.size());

            // the receipts page lists it; signing out leaves only the ballot's title and tracker on the tablet
            tablet.shown(By.id("done")).click();
            tablet.go("http://localhost:" + network.port() + "/app/deputy/receipts");
            tablet.text(By.cssSelector(".receipt-card"), tracker);
            Pages.check(tablet, "vue-deputy-receipts");
            tablet.shown(By.id("sign-out")).click();
            tablet.shown(By.id("signin-submit"));
            String stored = (String) tablet.driver.executeScript(
                    "return Object.keys(localStorage).filter(k => k.startsWith('minsheng.deputy.receipts.')).map(k => localStorage.getItem(k)).join('')");
            assertTrue(stored.contains(tracker), stored);
            assertFalse(stored.contains("chosen") || stored.contains("labels") || stored.contains("3. "), "no choice kept: " + stored);
        }
    }

    @Test
    void aMotionIsVotedAgainstThroughAnOutageAndAReloadAndAPaperBallotIsNotOffered() throws Exception {
        Hall hall = Api.hall(3, 3);
        var t = hall.tenant();
        String paper = Api.openBallot(hall, Map.of("title", "纸质表决", "kind", "MOTION", "motion", "关于调整项目的决定",
                "channels", List.of("PAPER")));
        try (FlakyProxy network = new FlakyProxy(port); Browser tablet = Pages.open(800, 1280)) {
            String page = "http://localhost:" + network.port() + "/app/deputy/vote";
            tablet.go(page);
            Pages.signIn(tablet, t.code(), hall.usernames().get(2), hall.passwords().get(2));
            // a ballot voted on paper only is not offered on the tablet: the deputy is sent to the staff
            tablet.text(By.id("message"), "使用纸质选票");
            assertTrue(tablet.driver.findElements(By.cssSelector("[role=radio]")).isEmpty());
            Api.closeAndPublish(hall, paper);

            String motion = Api.openBallot(hall, Map.of("title", "关于2027年民生实事项目实施计划的决议", "kind", "MOTION",
                    "motion", "同意县人民政府提出的实施计划"));
            tablet.until(d -> d.findElements(By.cssSelector("#ballot [role=radio]")).size() == 3);
            tablet.text(By.id("ballot"), "同意县人民政府提出的实施计划");
            tablet.shown(By.cssSelector("#ballot [data-choice=FOR]")).click();
            tablet.shown(By.cssSelector("#ballot [data-choice=AGAINST]")).click(); // a change of mind: one choice per item
            assertEquals("false", tablet.driver.findElement(By.cssSelector("#ballot [data-choice=FOR]")).getAttribute("aria-checked"));
            assertEquals("true", tablet.driver.findElement(By.cssSelector("#ballot [data-choice=AGAINST]")).getAttribute("aria-checked"));
            Pages.check(tablet, "vue-deputy-motion");
            tablet.shown(By.id("review")).click();
            tablet.text(By.id("confirm-list"), "反对");

            // the network is down before the ballot leaves: nothing reaches the service, the tablet keeps trying
            network.down();
            tablet.shown(By.id("submit")).click();
            tablet.text(By.id("sending"), "正在重新提交");
            assertEquals(0, Api.as(t.secretariat()).get("/api/v1/ballots/" + motion + "/turnout").<Integer>path("cast"));

            // the tablet is reloaded while the network is still down, then the network comes back
            tablet.driver.navigate().refresh();
            network.restore();
            tablet.go(page);

            // the reloaded page finds the ballot it kept and sends it with the same key: one ballot, as marked
            String tracker = tablet.shown(By.id("tracker")).getText().trim();
            assertEquals(1, Api.as(t.secretariat()).get("/api/v1/ballots/" + motion + "/turnout").<Integer>path("cast"));
            Pages.check(tablet, "vue-deputy-motion-receipt");
            Api.closeAndPublish(hall, motion);
            List<Map<String, String>> marks = Api.as(t.secretariat()).get("/api/v1/ballots/" + motion + "/board/" + tracker)
                    .path("marks");
            assertEquals(1, marks.size());
            assertEquals("AGAINST", marks.get(0).get("choice"));
        }
    }
}
