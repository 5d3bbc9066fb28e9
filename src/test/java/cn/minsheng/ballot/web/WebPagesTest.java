package cn.minsheng.ballot.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;

import cn.minsheng.ballot.support.Api;
import cn.minsheng.ballot.support.Api.Hall;
import cn.minsheng.ballot.support.Browser;
import cn.minsheng.ballot.support.FlakyProxy;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The pages in a real browser (Debian's headless Chromium) against the running service and its
 * database: a deputy votes on the tablet while the projector follows the hall, the network is cut
 * while the ballot is being sent, the mark limit holds as the deputy taps, the result reaches the
 * projector and the public page, and the secretariat runs a vote from the console. Screenshots of
 * every page land in target/screenshots.
 */
@QuarkusTest
class WebPagesTest {

    private static final By ITEMS = By.cssSelector("#items button.item");

    private final int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
    private final String base = "http://localhost:" + port;

    @Test
    void aDeputyVotesOnTheTabletWhileTheProjectorFollowsAndTheNetworkFailsDuringSubmit() throws Exception {
        Hall hall = Api.hall(6, 4); // the tablet's deputy is the sixth, not yet checked in
        var t = hall.tenant();
        List<String> candidates = Api.candidates15(t, Api.openWindow(t, 2027));
        String ballot = t.as().body(Map.of("title", "2027年民生实事项目票决", "kind", "SELECTION", "seats", 10, "minSurplus", 2,
                "itemIds", candidates)).post("/api/v1/sessions/" + hall.sessionId() + "/ballots").then().statusCode(201)
                .extract().path("id");
        String projector = Api.accountName(t, "projector");

        try (FlakyProxy network = new FlakyProxy(port); Browser screen = Browser.open(1600, 900);
                Browser tablet = Browser.open(1024, 1366)) {
            // the projector signs in once and shows the hall
            screen.go(base + "/screen/" + hall.sessionId());
            signIn(screen, t.code(), projector, Api.PASSWORD);
            screen.text(By.id("present"), "4");
            screen.text(By.id("quorum"), "法定人数");

            // the deputy signs in on the tablet (through a network that can fail) and checks in
            tablet.go("http://localhost:" + network.port() + "/tablet");
            signIn(tablet, t.code(), hall.usernames().get(5), hall.passwords().get(5));
            tablet.shown(By.id("check-in")).click();
            tablet.text(By.id("attendance-state"), "已签到");
            screen.text(By.id("present"), "5");
            tablet.text(By.id("waiting"), "等待主持人");
            tablet.screenshot("tablet-waiting");

            // the chair opens the vote: the tablet shows the ballot by itself, the projector the turnout
            t.as().post("/api/v1/ballots/" + ballot + "/open").then().statusCode(200);
            List<WebElement> items = tablet.until(d -> {
                List<WebElement> shown = d.findElements(ITEMS);
                return shown.size() == 15 && shown.get(0).isDisplayed() ? shown : null;
            });
            screen.text(By.id("turnout"), "已投票 0 / 实到 5");
            assertTrue(tablet.shown(By.id("ballot-rules")).getText().contains("最多可选 10 项"));

            // marking: ten by tapping, the eleventh refused as it is tapped; the keyboard works too
            for (int i = 0; i < 10; i++) {
                item(tablet, i).click();
            }
            tablet.text(By.id("counter"), "已选 10 / 10");
            item(tablet, 10).click();
            assertTrue(tablet.shown(By.id("limit")).getText().contains("最多只能选 10 项"));
            assertEquals("false", item(tablet, 10).getAttribute("aria-checked"));
            item(tablet, 0).sendKeys(Keys.SPACE); // unmark the first with the keyboard
            tablet.text(By.id("counter"), "已选 9 / 10");
            item(tablet, 10).click();
            tablet.text(By.id("counter"), "已选 10 / 10");
            assertEquals("true", item(tablet, 10).getAttribute("aria-checked"));
            assertEquals("false", item(tablet, 0).getAttribute("aria-checked"));
            assertEquals(10, tablet.driver.findElements(By.cssSelector("#items button.item[aria-checked=true]")).size());
            tablet.screenshot("tablet-ballot-marked");
            assertEquals(List.of(), tablet.unnamedControls(), "every control on the ballot has a name");

            tablet.shown(By.id("review")).click();
            tablet.until(d -> d.findElements(By.cssSelector("#confirm-list li")).size() == 10);
            tablet.screenshot("tablet-confirm");

            // the network fails as the deputy confirms: the service records the vote, the answer is lost
            network.cut();
            tablet.shown(By.id("submit")).click();
            tablet.until(d -> Api.as(t.secretariat()).get("/api/v1/ballots/" + ballot + "/turnout").<Integer>path("cast") == 1);
            tablet.text(By.id("sending"), "正在重新提交");
            assertTrue(network.answersSwallowed() > 0, "the cut swallowed the service's answer");
            tablet.screenshot("tablet-network-cut");
            network.restore();

            // the retry carries the same key: the tablet shows the first receipt, and one ballot is counted
            String tracker = tablet.shown(By.id("tracker")).getText().trim();
            tablet.screenshot("tablet-receipt");
            assertEquals(1, Api.as(t.secretariat()).get("/api/v1/ballots/" + ballot + "/turnout").<Integer>path("cast"));
            screen.text(By.id("turnout"), "已投票 1 / 实到 5");
            screen.screenshot("screen-turnout");
            assertFalse(screen.driver.getPageSource().contains("forCount"), "no per-item figure on the projector");

            // three more deputies vote, the chair closes, the scrutineers countersign, the result is published
            for (int d = 0; d < 3; d++) {
                Api.cast(hall.deputy(d), ballot, Api.ticks(candidates.subList(0, 10))).then().statusCode(201);
            }
            Api.closeAndPublish(hall, ballot);
            assertEquals(4, Api.as(t.secretariat()).get("/api/v1/ballots/" + ballot + "/board").<List<?>>path("entries").size());

            // the projector draws the published result
            screen.until(d -> d.findElements(By.cssSelector("ol.chart li")).size() == 15);
            screen.text(By.id("result-title"), "2027年民生实事项目票决");
            List<WebElement> bars = screen.driver.findElements(By.cssSelector("ol.chart li"));
            assertEquals("4", bars.get(1).findElement(By.className("count")).getText(), "item 2: three deputies and the tablet");
            assertEquals("3", bars.get(0).findElement(By.className("count")).getText(), "item 1 was unmarked on the tablet");
            assertEquals("1", bars.get(10).findElement(By.className("count")).getText());
            screen.screenshot("screen-result");
            assertEquals(List.of(), screen.unnamedControls());

            // the deputy checks the receipt against the board: counted as cast
            tablet.shown(By.id("verify")).click();
            String verified = tablet.text(By.id("verify-result"), "已计入");
            assertTrue(verified.contains("11. "), "the marks as counted include item 11: " + verified);
            assertFalse(verified.contains("\n1. "), "item 1 was unmarked: " + verified);
            assertEquals(tracker, Api.as(t.secretariat()).get("/api/v1/ballots/" + ballot + "/board/" + tracker).path("tracker"));
            tablet.screenshot("tablet-verified");
        }

        // one project gets a milestone that is overdue, progress on another, and a supervision visit
        Map<String, Object> project = io.restassured.RestAssured.given().get("/api/v1/public/congresses/" + t.code() + "/projects")
                .then().statusCode(200).extract().path("[0]");
        String p = "/api/v1/projects/" + project.get("id");
        String department = Api.department(t, (String) project.get("department"));
        Api.as(department).body(Map.of("title", "完成管网铺设", "dueOn", java.time.LocalDate.now().minusDays(3).toString(), "weight", 1))
                .post(p + "/milestones").then().statusCode(201);
        String second = Api.as(department).body(Map.of("title", "水厂设备安装", "dueOn",
                java.time.LocalDate.now().plusDays(90).toString(), "weight", 1)).post(p + "/milestones").then().statusCode(201)
                .extract().path("id");
        Api.as(department).body(Map.of("percent", 60, "note", "设备已到货")).post(p + "/milestones/" + second + "/progress").then()
                .statusCode(200);
        t.as().body(Map.of("deputyIds", hall.deputyIds().subList(0, 2))).put(p + "/supervisors").then().statusCode(200);
        Api.as(hall.deputy(0)).body(Map.of("inspectedOn", java.time.LocalDate.now().toString(), "participants",
                hall.deputyIds().subList(0, 2), "findings", "管网施工滞后，需加快进度")).post(p + "/inspections").then().statusCode(201);

        // the result and the projects it selected reach the public page, on a phone, in both languages
        try (Browser phone = Browser.open(390, 844)) {
            phone.go(base + "/public?congress=" + t.code());
            phone.until(d -> d.findElements(By.cssSelector("article.result ol.chart li")).size() == 15);
            int selected = Api.as(t.secretariat()).get("/api/v1/ballots/" + ballot + "/result").<List<?>>path("figures.selected").size();
            assertEquals(9, selected, "items 2-10 had four votes of six seated, more than half; item 1 three, item 11 one");
            phone.until(d -> d.findElements(By.cssSelector("article.project")).size() == selected);
            By card = By.cssSelector("article.project[data-project='" + project.get("id") + "']");
            WebElement first = phone.shown(card);
            assertTrue(first.findElement(By.className("light")).getText().contains("红灯"), "an overdue milestone shows red");
            assertTrue(first.getText().contains("进度 30%"), first.getText());
            first.findElement(By.tagName("button")).click();
            String detail = phone.text(By.cssSelector("article.project div[id^=detail-]"), "完成管网铺设");
            assertTrue(detail.contains("已逾期") && detail.contains("水厂设备安装") && detail.contains("60%"), detail);
            assertTrue(detail.contains("管网施工滞后，需加快进度"), "the inspection's findings are public: " + detail);
            phone.driver.executeScript("arguments[0].scrollIntoView()", first);
            phone.screenshot("public-zh");
            phone.shown(By.id("lang")).click();
            phone.text(By.tagName("h1"), "public information");
            phone.until(d -> d.findElement(By.cssSelector("article.project .light")).getText().contains("on track")
                    || d.findElement(By.cssSelector("article.project .light")).getText().contains("Red")
                    || d.findElement(By.cssSelector("article.project .light")).getText().contains("Amber"));
            assertEquals("en", phone.driver.findElement(By.tagName("html")).getAttribute("lang"));
            phone.screenshot("public-en");
            assertEquals(List.of(), phone.unnamedControls());
        }
    }

    @Test
    void aBallotConfirmedDuringAnOutageSurvivesAReloadOfTheTablet() throws Exception {
        Hall hall = Api.hall(3, 3);
        var t = hall.tenant();
        List<String> candidates = Api.candidates15(t, Api.openWindow(t, 2027)).subList(0, 4);
        String ballot = Api.openBallot(hall, Map.of("title", "断网重载", "kind", "SELECTION", "seats", 2, "minSurplus", 1,
                "itemIds", candidates));
        try (FlakyProxy network = new FlakyProxy(port); Browser tablet = Browser.open(1024, 1366)) {
            String page = "http://localhost:" + network.port() + "/tablet";
            tablet.go(page);
            signIn(tablet, t.code(), hall.usernames().get(0), hall.passwords().get(0));
            tablet.until(d -> d.findElements(ITEMS).size() == 4 && d.findElements(ITEMS).get(0).isDisplayed());
            item(tablet, 1).click();
            tablet.shown(By.id("review")).click();

            // the network is down before the ballot leaves: nothing reaches the service, the tablet keeps trying
            network.down();
            tablet.shown(By.id("submit")).click();
            tablet.text(By.id("sending"), "正在重新提交");
            assertEquals(0, Api.as(t.secretariat()).get("/api/v1/ballots/" + ballot + "/turnout").<Integer>path("cast"));

            // the tablet is reloaded while the network is still down, then the network comes back
            tablet.driver.navigate().refresh();
            network.restore();
            tablet.go(page);

            // the reloaded page finds the ballot it kept and sends it with the same key: one ballot, as marked
            String tracker = tablet.shown(By.id("tracker")).getText().trim();
            assertEquals(1, Api.as(t.secretariat()).get("/api/v1/ballots/" + ballot + "/turnout").<Integer>path("cast"));
            Api.closeAndPublish(hall, ballot);
            List<Map<String, String>> marks = Api.as(t.secretariat()).get("/api/v1/ballots/" + ballot + "/board/" + tracker)
                    .path("marks");
            assertEquals(List.of(Map.of("itemId", candidates.get(1), "choice", "FOR")), marks);
        }
    }

    @Test
    void aMotionIsVotedForAgainstOrAbstainAndAPaperBallotIsNotOffered() throws Exception {
        Hall hall = Api.hall(3, 3);
        var t = hall.tenant();
        String paper = Api.openBallot(hall, Map.of("title", "纸质票决", "kind", "MOTION", "motion", "关于调整项目的决定",
                "channels", List.of("PAPER")));
        try (Browser tablet = Browser.open(1024, 1366)) {
            tablet.go(base + "/tablet");
            signIn(tablet, t.code(), hall.usernames().get(2), hall.passwords().get(2));
            tablet.text(By.id("message"), "使用纸质选票");
            assertTrue(tablet.driver.findElements(By.cssSelector("#items [role=radio]")).isEmpty());
            Api.closeAndPublish(hall, paper);

            String motion = Api.openBallot(hall, Map.of("title", "关于2027年民生实事项目实施计划的决议", "kind", "MOTION",
                    "motion", "同意县人民政府提出的实施计划"));
            tablet.until(d -> d.findElements(By.cssSelector("#items [role=radio]")).size() == 3);
            assertEquals("同意县人民政府提出的实施计划", tablet.driver.findElement(By.cssSelector("#items .label")).getText()
                    .replaceFirst("^1\\. ", ""));
            tablet.shown(By.cssSelector("#items [data-choice=FOR]")).click();
            tablet.shown(By.cssSelector("#items [data-choice=AGAINST]")).click(); // a change of mind: one choice per item
            assertEquals("false", tablet.driver.findElement(By.cssSelector("#items [data-choice=FOR]")).getAttribute("aria-checked"));
            assertEquals("true", tablet.driver.findElement(By.cssSelector("#items [data-choice=AGAINST]")).getAttribute("aria-checked"));
            assertEquals(List.of(), tablet.unnamedControls());
            tablet.shown(By.id("review")).click();
            tablet.text(By.id("confirm-list"), "反对");
            tablet.shown(By.id("submit")).click();
            String tracker = tablet.shown(By.id("tracker")).getText().trim();
            tablet.screenshot("tablet-motion-receipt");
            Api.closeAndPublish(hall, motion);
            List<Map<String, String>> marks = Api.as(t.secretariat()).get("/api/v1/ballots/" + motion + "/board/" + tracker)
                    .path("marks");
            assertEquals("AGAINST", marks.get(0).get("choice"));
        }
    }

    @Test
    void theSecretariatRunsAVoteFromTheConsole() throws Exception {
        Hall hall = Api.hall(3, 3);
        var t = hall.tenant();
        List<String> candidates = Api.candidates15(t, Api.openWindow(t, 2027));
        String slate = t.as().body(Map.of("title", "控制台候选名单", "year", 2027, "seats", 2, "minSurplus", 1, "candidateIds",
                candidates.subList(0, 4))).post("/api/v1/congresses/" + t.congressId() + "/slates").then().statusCode(201)
                .extract().path("id");
        t.as().body(Map.of("body", "县人大常委会第二十次会议", "date", "2026-12-20")).post("/api/v1/slates/" + slate + "/review").then()
                .statusCode(200);
        t.as().post("/api/v1/slates/" + slate + "/publish").then().statusCode(200);

        try (Browser console = Browser.open(1366, 1000)) {
            console.go(base + "/console");
            signIn(console, t.code(), "sec", Api.PASSWORD);
            console.shown(By.cssSelector("tr[data-session='" + hall.sessionId() + "'] button[data-action=enter]")).click();
            console.text(By.id("present"), "3");
            console.shown(By.id("ballot-title-input")).sendKeys("控制台票决");
            console.shown(By.cssSelector("#new-ballot button[type=submit]")).click();
            WebElement open = console.shown(By.cssSelector("#ballot-rows button[data-action=open-ballot]"));
            String ballot = console.driver.findElement(By.cssSelector("#ballot-rows tr")).getAttribute("data-ballot");
            open.click();
            console.shown(By.cssSelector("#ballot-rows button[data-action=close-ballot]"));
            for (int d = 0; d < 3; d++) {
                Api.cast(hall.deputy(d), ballot, Api.ticks(candidates.subList(d, d + 2))).then().statusCode(201);
            }
            console.text(By.cssSelector("#ballot-rows td.turnout"), "已投票 3 / 实到 3");
            console.screenshot("console-turnout");
            assertEquals(List.of(), console.unnamedControls());

            console.click(By.cssSelector("#ballot-rows button[data-action=close-ballot]")); // the turnout refresh re-renders the row
            console.until(d -> d.switchTo().alert()).accept();
            console.until(d -> d.findElements(By.cssSelector("#result ol.chart li")).size() == 4);
            console.text(By.id("result-signatures"), "监票人签字 0 / 2");
            // publishing too early is refused, and the refusal reads as the service words it, in English once switched
            console.shown(By.id("lang")).click();
            console.text(By.id("result-signatures"), "Countersigned 0 of 2");
            console.shown(By.id("publish")).click();
            console.until(d -> d.switchTo().alert()).accept();
            console.text(By.id("message"), "Not enough countersignatures: 0 of 2");
            console.screenshot("console-refusal-en");
            console.shown(By.id("lang")).click();
            for (String scrutineer : hall.scrutineers()) {
                Api.as(scrutineer).post("/api/v1/ballots/" + ballot + "/result/countersign").then().statusCode(200);
            }
            console.shown(By.cssSelector("#ballot-rows button[data-action=show-result]")).click();
            console.text(By.id("result-signatures"), "监票人签字 2 / 2");
            console.shown(By.id("publish")).click();
            console.until(d -> d.switchTo().alert()).accept();
            console.text(By.id("result-signatures"), "已公布");
            assertEquals("PUBLISHED", Api.as(t.secretariat()).get("/api/v1/ballots/" + ballot + "/result").path("status"));
            console.screenshot("console-published");
            console.shown(By.id("notice")).click();
            byte[] pdf = console.downloaded("notice-" + ballot);
            assertEquals("%PDF", new String(pdf, 0, 4, java.nio.charset.StandardCharsets.US_ASCII));

            // and the session closes from the list
            console.shown(By.id("to-sessions")).click();
            console.shown(By.cssSelector("tr[data-session='" + hall.sessionId() + "'] button[data-action=close-session]")).click();
            console.until(d -> d.findElements(By.cssSelector("tr[data-session='" + hall.sessionId()
                    + "'] button[data-action=close-session]")).isEmpty());
            String closed = Api.as(t.secretariat()).get("/api/v1/sessions/" + hall.sessionId()).path("status");
            assertEquals("CLOSED", closed);
        }
    }

    @Test
    void pagesComeWithAPolicyThatAllowsOnlyThisOriginAndTheBareAddressLeadsToThePublicPages() {
        for (String page : List.of("/tablet", "/screen/" + java.util.UUID.randomUUID(), "/public", "/console")) {
            io.restassured.RestAssured.given().get(page).then().statusCode(200).contentType("text/html")
                    .header("Content-Security-Policy", org.hamcrest.Matchers.containsString("default-src 'self'"))
                    .header("X-Content-Type-Options", "nosniff");
        }
        io.restassured.RestAssured.given().redirects().follow(false).get("/").then().statusCode(303)
                .header("Location", org.hamcrest.Matchers.endsWith("/app/public"));
        io.restassured.RestAssured.given().get("/assets/tablet.js").then().statusCode(200);
    }

    private static WebElement item(Browser b, int index) {
        return b.driver.findElements(ITEMS).get(index);
    }

    private static void signIn(Browser b, String congress, String username, String password) {
        b.shown(By.id("congress"));
        assertEquals(List.of(), b.unnamedControls(), "every control of the sign-in page has a name");
        b.type(By.id("congress"), congress);
        b.type(By.id("username"), username);
        b.type(By.id("password"), password);
        b.shown(By.cssSelector("#login-form button[type=submit]")).click();
        b.until(d -> !d.findElement(By.id("login")).isDisplayed());
    }
}
