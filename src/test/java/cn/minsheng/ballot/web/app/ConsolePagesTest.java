package cn.minsheng.ballot.web.app;

import static cn.minsheng.ballot.support.AppPage.check;
import static cn.minsheng.ballot.support.AppPage.confirm;
import static cn.minsheng.ballot.support.AppPage.date;
import static cn.minsheng.ballot.support.AppPage.fill;
import static cn.minsheng.ballot.support.AppPage.press;
import static cn.minsheng.ballot.support.AppPage.row;
import static cn.minsheng.ballot.support.AppPage.signIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import cn.minsheng.ballot.support.Api;
import cn.minsheng.ballot.support.Browser;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The secretariat's year in the console, through the pages: a rejected roster file with every
 * row's error, then a good one and the login slips (whose passwords then sign the deputies in);
 * screening a proposal; composing a slate with the surplus rule checked as candidates are picked,
 * its review and publication; a session opened with a confirmation, paper sign-in until quorum; a
 * ballot from the slate opened, closed and counted, published after the scrutineers' signatures,
 * its notice; the battle map with the ten projects the vote selected. The API checks what the pages did; deputies' votes and scrutineers' signatures, which
 * belong to other people's pages, are sent through the API.
 */
@QuarkusTest
class ConsolePagesTest {

    private final String base = "http://localhost:" + ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);

    @Test
    void theSecretariatRunsTheYearFromTheConsole() throws Exception {
        Api.Tenant t = Api.tenant();
        String window = Api.openWindow(t, 2027);
        List<String> candidates = Api.candidates15(t, window);
        String proposal = t.as().body(Map.of("title", "老旧小区加装电梯", "summary", "为六层以下老旧小区加装电梯", "category", "HOUSING"))
                .post("/api/v1/solicitations/" + window + "/proposals").then().statusCode(201).extract().path("id");

        try (Browser b = Browser.open(1280, 800)) {
            // --- the roster: a bad file is refused with every row's error, a good one imported with logins
            b.go(base + "/app/console/roster");
            signIn(b, t.code(), "sec", Api.PASSWORD);
            b.shown(By.id("roster-import")).click();
            Path bad = Files.createTempFile("roster-bad", ".csv");
            Files.writeString(bad, "编号,姓名,代表团,选区,状态\nD001,王建国,城关镇代表团,第1选区,在册\nD001,李秀英,城关镇代表团,第2选区,在册\nD003,,城关镇代表团,第3选区,出国\n");
            b.shown(By.id("roster-file")).sendKeys(bad.toAbsolutePath().toString());
            b.shown(By.id("import-start")).click();
            b.shown(By.id("import-rejected"));
            List<String> errors = b.driver.findElements(By.cssSelector("#import-rejected .el-table__body tr")).stream()
                    .map(WebElement::getText).toList();
            assertTrue(errors.size() >= 3, "every bad row's error is listed: " + errors);
            assertTrue(errors.stream().anyMatch(e -> e.startsWith("3")) && errors.stream().anyMatch(e -> e.startsWith("4")), errors.toString());
            check(b, "app-console-roster-rejected");
            assertEquals(0, Api.as(t.secretariat()).get("/api/v1/congresses/" + t.congressId() + "/deputies").<Integer>path("total"));

            StringBuilder good = new StringBuilder("编号,姓名,代表团,选区,状态\n");
            for (int i = 1; i <= 6; i++) {
                good.append("D00").append(i).append(",代表").append(i).append(",城关镇代表团,第").append(i).append("选区,在册\n");
            }
            Path ok = Files.createTempFile("roster-good", ".csv");
            Files.writeString(ok, good.toString(), StandardCharsets.UTF_8);
            b.shown(By.id("roster-file")).sendKeys(ok.toAbsolutePath().toString());
            b.shown(By.id("import-start")).click();
            b.text(By.id("import-done"), "已导入 6 名代表");
            check(b, "app-console-roster-imported");
            press(b, "关闭");
            row(b, "D006");
            check(b, "app-console-roster");

            // login slips for everyone: the PDF's passwords sign the deputies in
            b.shown(By.id("slips-all")).click();
            confirm(b, "生成并打印");
            Map<String, String> passwords = slips(b.downloaded("login-slips"));
            assertEquals(6, passwords.size(), passwords.toString());
            Map<String, String> tokens = new LinkedHashMap<>();
            passwords.forEach((user, pw) -> tokens.put(user, Api.login(t.code(), user, pw)));

            // --- screening: accept a proposal with its department, budget and years
            b.go(base + "/app/console/proposals");
            row(b, "老旧小区加装电梯");
            check(b, "app-console-proposals");
            b.until(d -> d.findElements(By.xpath("//tr[contains(.,'老旧小区加装电梯')]//button[normalize-space(.)='初审']"))
                    .stream().filter(WebElement::isDisplayed).findFirst().orElse(null)).click();
            fill(b, By.id("screen-department"), "县住建局");
            fill(b, By.id("screen-budget"), "300"); // 万元, as the contract holds budgets
            check(b, "app-console-screening");
            b.shown(By.id("screen-save")).click();
            b.until(d -> "ACCEPTED".equals(Api.as(t.secretariat()).get("/api/v1/proposals/" + proposal).path("status")));
            assertEquals("县住建局", Api.as(t.secretariat()).get("/api/v1/candidates/"
                    + Api.as(t.secretariat()).get("/api/v1/proposals/" + proposal).path("candidateId")).path("department"));

            b.go(base + "/app/console/candidates");
            row(b, "老旧小区加装电梯");
            check(b, "app-console-candidates");

            // --- a slate: the surplus rule is checked as candidates are picked
            b.go(base + "/app/console/slates");
            b.shown(By.id("slate-new")).click();
            fill(b, By.id("slate-title"), "2027年民生实事候选项目名单");
            b.text(By.id("surplus"), "还需再选 12 项");
            List<WebElement> boxes = b.until(d -> {
                List<WebElement> l = d.findElements(By.cssSelector(".pool .el-checkbox"));
                return l.size() == 16 ? l : null;
            });
            for (int i = 0; i < 11; i++) {
                boxes.get(i).click();
            }
            b.text(By.id("surplus"), "还需再选 1 项");
            assertTrue(!b.shown(By.id("slate-save")).isEnabled(), "a slate short of the surplus cannot be saved");
            boxes.get(11).click();
            b.text(By.id("surplus"), "符合差额要求");
            check(b, "app-console-slate-compose");
            b.shown(By.id("slate-save")).click();
            row(b, "2027年民生实事候选项目名单");
            press(b, "记录常委会审议");
            date(b, "review-date", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
            fill(b, By.id("review-ref"), "青常〔2026〕12号");
            b.shown(By.id("review-save")).click();
            b.text(By.cssSelector(".el-table__body"), "已审议");
            press(b, "公布名单");
            confirm(b, "公布名单");
            b.text(By.cssSelector(".el-table__body"), "已公布");
            check(b, "app-console-slates");
            List<Map<String, Object>> slates = Api.as(t.secretariat()).get("/api/v1/congresses/" + t.congressId() + "/slates").jsonPath().getList("$");
            assertEquals("PUBLISHED", slates.get(0).get("status"));
            assertEquals(12, ((List<?>) slates.get(0).get("candidates")).size());

            // --- a session, opened with a confirmation; paper sign-in until quorum
            b.go(base + "/app/console/sessions");
            b.shown(By.id("session-new")).click();
            fill(b, By.id("session-name"), "青溪县十八届人大三次会议");
            String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
            date(b, "session-starts", today);
            date(b, "session-ends", today);
            b.shown(By.id("session-create")).click();
            b.text(By.tagName("h2"), "青溪县十八届人大三次会议");
            b.shown(By.id("session-open")).click();
            confirm(b, "宣布开会");
            b.until(d -> !d.findElement(By.id("session-open")).isEnabled() && d.findElement(By.id("session-close")).isEnabled());
            b.text(By.id("att-seated"), "6");
            b.text(By.id("quorum"), "未达到法定人数");
            for (int i = 1; i <= 4; i++) {
                String code = "D00" + i;
                b.until(d -> d.findElements(By.xpath("//tr[contains(.,'" + code + "')]//button[normalize-space(.)='签到']"))
                        .stream().filter(WebElement::isDisplayed).findFirst().orElse(null)).click();
                b.text(By.id("att-present"), String.valueOf(i));
            }
            b.until(d -> d.findElements(By.xpath("//tr[contains(.,'D005')]//button[normalize-space(.)='请假']"))
                    .stream().filter(WebElement::isDisplayed).findFirst().orElse(null)).click();
            b.text(By.id("quorum"), "已达到法定人数");
            check(b, "app-console-session");

            // --- a ballot from the published slate: opened, voted, closed and counted, published
            b.shown(By.id("ballot-new")).click();
            fill(b, By.id("ballot-title"), "2027年民生实事项目票决");
            cn.minsheng.ballot.support.AppPage.pick(b, "ballot-slate", "2027年民生实事候选项目名单（候选 12 项，应选 10 项）");
            b.text(By.id("ballot-preview"), "从 12 个候选项目中选出 10 项");
            // the rules on the form saved as a draft rule set (票决办法) of the congress, on the server
            fill(b, By.cssSelector("input[aria-label='办法名称']"), "民生实事项目票决办法");
            fill(b, By.cssSelector("textarea[aria-label='办法全文（公开结果时一并公布）']"), "第一条 以全体代表过半数通过。");
            b.shown(By.xpath("//button[normalize-space(.)='保存为票决办法草案']")).click();
            b.until(d -> Api.as(t.secretariat()).get("/api/v1/congresses/" + t.congressId() + "/rule-sets").jsonPath()
                    .getList("name").contains("民生实事项目票决办法") ? true : null);
            assertEquals(List.of("DRAFT"), Api.as(t.secretariat()).get("/api/v1/congresses/" + t.congressId() + "/rule-sets")
                    .jsonPath().getList("status"));
            assertEquals(List.of(10), Api.as(t.secretariat()).get("/api/v1/congresses/" + t.congressId() + "/rule-sets")
                    .jsonPath().getList("rules.maxMarks"));
            check(b, "app-console-ballot-new");
            b.shown(By.id("ballot-create")).click();
            b.shown(By.linkText("2027年民生实事项目票决")).click();
            b.text(By.id("ballot-rules"), "每张选票最多勾选 10 项");
            b.shown(By.id("ballot-open")).click();
            confirm(b, "开始表决");
            b.text(By.id("turnout"), "已投票 0 / 实到 4");
            String url = b.driver.getCurrentUrl();
            String ballotId = url.substring(url.lastIndexOf('/') + 1);
            List<String> items = Api.as(t.secretariat()).get("/api/v1/ballots/" + ballotId).jsonPath().getList("items.id");
            int voted = 0;
            for (String user : List.of("D001", "D002", "D003", "D004")) { // more than half of the 6 seated
                Api.cast(tokens.get(user), ballotId, Api.ticks(items.subList(0, 10))).then().statusCode(201);
                b.text(By.id("turnout"), "已投票 " + ++voted + " / 实到 4");
            }
            check(b, "app-console-ballot-open");
            b.shown(By.id("ballot-close")).click();
            confirm(b, "结束表决并计票");
            b.text(By.id("figures"), "收回 4 张");
            b.text(By.cssSelector(".el-table__body"), "当选");
            // the scrutineers countersign on their own pages
            for (int s = 0; s < 2; s++) {
                Api.as(Api.account(t, "scrutineer")).post("/api/v1/ballots/" + ballotId + "/result/countersign").then().statusCode(200);
            }
            b.driver.navigate().refresh();
            b.text(By.id("countersignatures"), "监票人签字：2 / 2 人");
            b.shown(By.id("result-publish")).click();
            confirm(b, "公布结果");
            b.text(By.cssSelector(".toolbar"), "公布于");
            assertEquals("PUBLISHED", Api.as(t.secretariat()).get("/api/v1/ballots/" + ballotId + "/result").path("status"));
            b.shown(By.id("result-notice")).click();
            byte[] notice = b.downloaded("notice-");
            assertEquals("%PDF", new String(notice, 0, 4, StandardCharsets.US_ASCII));
            check(b, "app-console-ballot-published");

            // --- the battle map: the ten projects the vote selected
            b.go(base + "/app/console/map");
            List<?> projects = Api.as(t.secretariat()).get("/api/v1/congresses/" + t.congressId() + "/dashboard").jsonPath().getList("projects");
            assertEquals(10, projects.size());
            b.until(d -> d.findElements(By.cssSelector(".el-table__body tr")).size() >= 10 ? true : null);
            check(b, "app-console-map");
        }
    }

    private static final Pattern SLIP = Pattern.compile("用户名：(\\S+)\\s+一次性密码：(\\S+)");

    private static Map<String, String> slips(byte[] pdf) throws Exception {
        String text;
        try (var doc = Loader.loadPDF(pdf)) {
            text = new PDFTextStripper().getText(doc);
        }
        Map<String, String> found = new LinkedHashMap<>();
        Matcher m = SLIP.matcher(text);
        while (m.find()) {
            found.put(m.group(1), m.group(2));
        }
        return found;
    }

}
