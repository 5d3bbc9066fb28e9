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
import java.sql.Connection;
import java.sql.DriverManager;
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
import io.restassured.RestAssured;

/**
 * The secretariat's year in the console, through the pages: a rejected roster file with every
 * row's error, then a good one and the login slips (whose passwords then sign the deputies in);
 * screening a proposal; composing a slate with the surplus rule checked as candidates are picked,
 * its review and publication; a session opened with a confirmation, paper sign-in until quorum; a
 * ballot from the slate opened, closed and counted, published after the scrutineers' signatures,
 * its notice; the battle map with the ten projects the vote selected; a MOTION adopting the draft
 * rule set; a tie at the last seat, once for a runoff opened from the ballot page and once for the
 * chair's decision. The API checks what the pages did; deputies' votes and scrutineers' signatures,
 * which belong to other people's pages, are sent through the API.
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
            String ballotId = createAndOpen(b, "2027年民生实事项目票决", "每张选票最多勾选 10 项", 4);
            List<String> items = Api.as(t.secretariat()).get("/api/v1/ballots/" + ballotId).jsonPath().getList("items.id");
            int voted = 0;
            for (String user : List.of("D001", "D002", "D003", "D004")) { // more than half of the 6 seated
                Api.cast(tokens.get(user), ballotId, Api.ticks(items.subList(0, 10))).then().statusCode(201);
                b.text(By.id("turnout"), "已投票 " + ++voted + " / 实到 4");
            }
            check(b, "app-console-ballot-open");
            // the scrutineers countersign on their own pages
            closeCountAndPublish(b, t, ballotId, "当选", () -> countersign(t, ballotId));
            b.text(By.id("figures"), "收回 4 张");
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

            // --- a MOTION from the console's form with its text, adopting the draft rule set: voted, counted, published
            String sessionId = Api.as(t.secretariat()).get("/api/v1/ballots/" + ballotId).path("sessionId");
            b.go(base + "/app/console/sessions/" + sessionId);
            b.shown(By.id("ballot-new")).click();
            b.shown(By.xpath("//label[contains(@class,'el-radio-button')][normalize-space(.)='议案表决']")).click();
            fill(b, By.id("ballot-title"), "关于通过民生实事项目票决办法的决定");
            fill(b, By.id("ballot-motion"), "通过《民生实事项目票决办法》，自公布之日起施行。");
            cn.minsheng.ballot.support.AppPage.pick(b, "ballot-adopts", "民生实事项目票决办法");
            b.text(By.id("ballot-preview"), "对 1 项议案分别表示赞成、反对或弃权。");
            check(b, "app-console-ballot-motion");
            String motion = createAndOpen(b, "关于通过民生实事项目票决办法的决定", "赞成票超过", 4);
            io.restassured.response.Response motionBallot = Api.as(t.secretariat()).get("/api/v1/ballots/" + motion);
            assertEquals("MOTION", motionBallot.path("kind"));
            assertEquals("通过《民生实事项目票决办法》，自公布之日起施行。", motionBallot.path("items[0].label"));
            String motionItem = motionBallot.path("items[0].id");
            for (String user : List.of("D001", "D002", "D003", "D004")) { // 4 for: more than half of the 6 seated
                Api.cast(tokens.get(user), motion, Map.of(motionItem, "FOR")).then().statusCode(201);
            }
            b.text(By.id("turnout"), "已投票 4 / 实到 4");
            String motionRow = closeCountAndPublish(b, t, motion, "赞成 4，反对 0，弃权 0", () -> countersign(t, motion));
            assertTrue(motionRow.contains("通过") && !motionRow.contains("未通过"), motionRow);
            assertEquals(List.of("ADOPTED"), Api.as(t.secretariat()).get("/api/v1/congresses/" + t.congressId() + "/rule-sets")
                    .jsonPath().getList("status"));
            check(b, "app-console-ballot-motion-published");

            // --- a ballot made from the adopted rule set: the set's rules are shown, not edited, and copied by the server
            b.go(base + "/app/console/sessions/" + sessionId);
            b.shown(By.id("ballot-new")).click();
            fill(b, By.id("ballot-title"), "依据票决办法的项目票决");
            cn.minsheng.ballot.support.AppPage.pick(b, "ballot-slate", "2027年民生实事候选项目名单（候选 12 项，应选 10 项）");
            cn.minsheng.ballot.support.AppPage.pick(b, "ballot-rule-set", "民生实事项目票决办法");
            b.text(By.cssSelector(".el-dialog"), "本表决依据《民生实事项目票决办法》，规则以办法为准。");
            b.text(By.id("ballot-preview"), "每张选票最多勾选 10 项");
            check(b, "app-console-ballot-rule-set");
            b.shown(By.id("ballot-create")).click();
            b.shown(By.linkText("依据票决办法的项目票决"));
            String setId = Api.as(t.secretariat()).get("/api/v1/congresses/" + t.congressId() + "/rule-sets").path("[0].id");
            List<Map<String, Object>> sessionBallots = Api.as(t.secretariat()).get("/api/v1/sessions/" + sessionId + "/ballots")
                    .jsonPath().getList("$");
            assertTrue(sessionBallots.stream().anyMatch(x -> "依据票决办法的项目票决".equals(x.get("title")) && setId.equals(x.get("ruleSetId"))),
                    sessionBallots.toString());

            // --- a tie at the last seat goes to a runoff: the follow-up ballot opened and counted from the ballot page
            List<String> pair = candidates.subList(13, 15);
            String tied = tieAtTheLastSeat(b, t, sessionId, tokens, pair, "RUNOFF", "2027年民生实事项目增补票决");
            b.text(By.id("follow-up"), "得票相等的项目须另行投票，剩余名额 1 个。");
            check(b, "app-console-ballot-tied");
            b.shown(By.linkText("前往后续表决")).click();
            b.until(d -> !d.getCurrentUrl().endsWith(tied) && d.findElement(By.id("ballot-open")).isEnabled()); // the runoff, a draft
            String runoff = b.driver.getCurrentUrl().substring(b.driver.getCurrentUrl().lastIndexOf('/') + 1);
            assertEquals(tied, Api.as(t.secretariat()).get("/api/v1/ballots/" + runoff).path("parentBallotId"));
            b.shown(By.id("ballot-open")).click();
            confirm(b, "开始表决");
            b.until(d -> d.findElement(By.id("ballot-close")).isEnabled());
            b.text(By.id("turnout"), "已投票 0 / 实到 4");
            for (String user : List.of("D001", "D002", "D003", "D004")) {
                Api.cast(tokens.get(user), runoff, Api.ticks(List.of(pair.get(user.equals("D004") ? 1 : 0)))).then().statusCode(201);
            }
            b.text(By.id("turnout"), "已投票 4 / 实到 4");
            b.shown(By.id("ballot-close")).click();
            confirm(b, "结束表决并计票");
            b.text(By.cssSelector(".el-table__body"), "当选");
            assertEquals(List.of(pair.get(0)), Api.as(t.secretariat()).get("/api/v1/ballots/" + runoff + "/result").path("figures.selected"));
            check(b, "app-console-ballot-runoff");

            // --- the same tie where the rules leave it to the chair: the chair's decision recorded after a confirmation
            String chair = tieAtTheLastSeat(b, t, sessionId, tokens, pair, "CHAIR_DECISION", "2027年民生实事项目补选");
            b.text(By.id("follow-up"), "得票相等的项目由主持人决定（1 个名额）。");
            String second = Api.as(t.secretariat()).get("/api/v1/ballots/" + chair).path("items[1].label");
            b.shown(By.xpath("//label[contains(@class,'el-checkbox')][normalize-space(.)='" + second + "']")).click();
            fill(b, By.cssSelector("textarea[aria-label='决定理由']"), "依据票决办法第十条，由主持人决定");
            press(b, "记录主持人决定");
            confirm(b, "记录主持人决定");
            b.text(By.cssSelector(".hint"), "主持人决定：依据票决办法第十条，由主持人决定");
            assertEquals(List.of(pair.get(1)), Api.as(t.secretariat()).get("/api/v1/ballots/" + chair + "/result").path("figures.selected"));
            String decided = b.text(By.cssSelector(".el-table__body"), "当选");
            assertTrue(decided.contains("未当选"), decided);
            check(b, "app-console-ballot-chair");
        }
    }

    /**
     * The delivery year in the console, through the pages: a project's supervision group picked
     * from the roster on the supervision page, a decision of the standing committee; a milestone
     * whose date passed unfinished turns the light red on the battle map and on the public page; a
     * completed project is rated in an evaluation ballot made on the ballot form, opened, closed and
     * published from the console, one deputy rating on the tablet page, the outcome read on the public
     * page (and in English); it is closed (销号) and a two-year one carried over, each after a
     * confirmation; the audit log and its verification. The projects come from a published vote, the
     * department's milestones and reports and the other deputies' ratings through the API (their
     * pages are tested elsewhere).
     */
    @Test
    void theSecretariatFollowsTheDeliveryYear() throws Exception {
        Api.Hall hall = Api.hall(6, 6);
        Api.Tenant t = hall.tenant();
        List<String> c = Api.candidates15(t, Api.openWindow(t, 2027)).subList(0, 4);
        String selection = Api.openBallot(hall, Map.of("title", "2027年民生实事项目票决", "kind", "SELECTION", "seats", 3,
                "minSurplus", 1, "itemIds", c));
        for (int d = 0; d < 6; d++) {
            Api.cast(hall.deputy(d), selection, Api.ticks(c.subList(0, 3))).then().statusCode(201);
        }
        Api.closeAndPublish(hall, selection);
        Map<String, String> ids = new LinkedHashMap<>();
        for (Map<String, Object> p : RestAssured.given().get("/api/v1/public/congresses/" + t.code() + "/projects").jsonPath()
                .<Map<String, Object>>getList("$")) {
            ids.put((String) p.get("title"), (String) p.get("id"));
        }
        String renewal = ids.get("城区老旧小区改造"); // two years: carried over
        String water = ids.get("农村饮水安全巩固提升工程"); // one year: completed and closed
        String schools = ids.get("中小学校舍改扩建"); // supervised, decided on, and late
        String pp = "/api/v1/projects/";

        try (Browser b = Browser.open(1280, 800)) {
            // --- the supervision page: every project; one opened, its group picked from the roster
            b.go(base + "/app/console/supervision");
            signIn(b, t.code(), "sec", Api.PASSWORD);
            row(b, "中小学校舍改扩建");
            check(b, "app-console-supervision");
            b.shown(By.linkText("中小学校舍改扩建")).click();
            b.text(By.id("group-names"), "尚未");
            b.shown(By.id("group-set")).click();
            // the roster's deputies, as the dialog lists them; two of them picked
            WebElement select = b.until(d -> d.findElement(By.id("group-deputies")));
            b.driver.executeScript("arguments[0].closest('.el-select').querySelector('.el-select__wrapper').click()", select);
            for (String name : List.of("代表0001", "代表0002")) {
                b.until(d -> d.findElements(By.xpath("//li[contains(@class,'el-select-dropdown__item')][starts-with(normalize-space(.),'"
                        + name + "')]")).stream().filter(WebElement::isDisplayed).findFirst().orElse(null)).click();
            }
            b.shown(By.cssSelector(".el-dialog .hint")).click(); // the list folds away
            b.until(d -> d.findElements(By.cssSelector(".el-select-dropdown__item")).stream().noneMatch(WebElement::isDisplayed));
            check(b, "app-console-supervision-group");
            b.shown(By.id("group-save")).click();
            b.text(By.id("group-names"), "代表0001、代表0002");
            assertEquals(List.of("代表0001", "代表0002"), t.as().get(pp + schools + "/supervisors").jsonPath().getList("name"));

            // --- a decision of the standing committee, public at once
            b.shown(By.id("project-decision")).click();
            date(b, "decision-date", LocalDate.now(ZoneId.of("Asia/Shanghai")).toString());
            fill(b, By.id("decision-ref"), "青人常〔2027〕8号");
            fill(b, By.id("decision-summary"), "增加风雨操场一座");
            b.shown(By.id("decision-save")).click();
            b.shown(By.xpath("//table[contains(@class,'el-table__body')][contains(.,'增加风雨操场一座')]"));
            Map<String, Object> decision = RestAssured.given().get("/api/v1/public/projects/" + schools).path("decisions[0]");
            assertEquals("CHANGE", decision.get("kind"));
            assertEquals("青人常〔2027〕8号", decision.get("reference"));
            check(b, "app-console-project");

            // --- a milestone's date passes unfinished: red on the battle map and on the public page
            String education = Api.department(t, "教育局");
            String milestone = Api.as(education).body(Map.of("title", "主体结构封顶", "dueOn", LocalDate.now().plusDays(90).toString()))
                    .post(pp + schools + "/milestones").then().statusCode(201).extract().path("id");
            assertEquals("GREEN", RestAssured.given().get("/api/v1/public/projects/" + schools).path("project.light"));
            try (Connection db = DriverManager.getConnection(Api.config("quarkus.datasource.jdbc.url"), "minsheng_owner",
                    "minsheng_owner")) { // time passes, as a calendar would
                db.createStatement().executeUpdate("UPDATE milestone SET due_on = current_date - 1 WHERE id = '" + milestone + "'");
            }
            Api.as(education).body(Map.of("percent", 60, "note", "封顶推迟")).post(pp + schools + "/milestones/" + milestone + "/progress")
                    .then().statusCode(200);
            b.go(base + "/app/console/map");
            String first = b.until(d -> {
                List<String> rows = cn.minsheng.ballot.support.AppPage.rows(b);
                return rows.size() == 3 ? rows.get(0) : null;
            });
            assertTrue(first.contains("中小学校舍改扩建") && first.contains("红灯"), "reddest first: " + first);
            check(b, "app-console-map-red");
            b.go(base + "/app/public/" + t.code() + "/projects/" + schools);
            assertTrue(b.text(By.cssSelector("article.project-facts .light"), "红灯").contains("逾期"));
            b.text(By.cssSelector("article.project-facts"), "增加风雨操场一座");
            b.text(By.cssSelector("article.project-facts"), "代表0001");
            check(b, "vue-public-project-red");

            // --- the water project is finished and rated satisfactory: closed (销号) after a confirmation
            String works = Api.as(Api.department(t, "水利局")).body(Map.of("title", "通水验收", "dueOn", LocalDate.now().plusDays(30).toString()))
                    .post(pp + water + "/milestones").then().statusCode(201).extract().path("id");
            Api.as(Api.department(t, "水利局")).body(Map.of("percent", 100)).post(pp + water + "/milestones/" + works + "/progress")
                    .then().statusCode(200);
            // next year's evaluation ballot from the console's form: its rules read back in words, opened with a confirmation
            b.go(base + "/app/console/sessions/" + hall.sessionId());
            b.shown(By.id("ballot-new")).click();
            b.shown(By.xpath("//label[contains(@class,'el-radio-button')][normalize-space(.)='满意度测评']")).click();
            fill(b, By.id("ballot-title"), "2027年民生实事项目满意度测评");
            cn.minsheng.ballot.support.AppPage.pick(b, "ballot-projects", "2027 农村饮水安全巩固提升工程");
            b.shown(By.id("ballot-preview")).click(); // the list folds away
            b.text(By.id("ballot-preview"), "对 1 个项目逐项评价：满意、基本满意、不满意或弃权。");
            check(b, "app-console-ballot-evaluation");
            String rating = createAndOpen(b, "2027年民生实事项目满意度测评", "“满意”票达到全体代表半数", 6);
            assertEquals(List.of(water), t.as().get("/api/v1/ballots/" + rating).jsonPath().getList("items.id"));

            // a deputy rates on the tablet page (the others through the API)
            b.shown(By.id("sign-out")).click();
            b.go(base + "/app/deputy/vote");
            signIn(b, t.code(), hall.usernames().get(0), hall.passwords().get(0));
            b.shown(By.cssSelector("#items button[data-choice='SATISFIED']")).click();
            b.shown(By.id("review")).click();
            b.text(By.id("confirm-list"), "满意");
            b.shown(By.id("submit")).click();
            b.shown(By.id("tracker"));
            check(b, "vue-deputy-rated");
            b.shown(By.id("sign-out")).click();
            for (int d = 1; d < 6; d++) {
                Api.cast(hall.deputy(d), rating, Map.of(water, d < 5 ? "SATISFIED" : "BASICALLY_SATISFIED")).then().statusCode(201);
            }
            // closed and counted, countersigned by the scrutineers on their pages, published from the console
            b.go(base + "/app/console/ballots/" + rating);
            signIn(b, t.code(), "sec", Api.PASSWORD);
            b.text(By.id("turnout"), "已投票 6 / 实到 6");
            closeCountAndPublish(b, t, rating, "满意 5，基本满意 1，不满意 0，弃权 0", () -> {
                for (String scrutineer : hall.scrutineers()) {
                    Api.as(scrutineer).post("/api/v1/ballots/" + rating + "/result/countersign").then().statusCode(200);
                }
            });
            // the outcome in words on the public project page
            b.go(base + "/app/public/" + t.code() + "/projects/" + water);
            String rated = b.text(By.cssSelector("article.project-facts"), "满意率");
            assertTrue(rated.contains("最近测评") && rated.contains("满意") && !rated.contains("SATISFIED"), rated);
            assertTrue(rated.contains("满意率 100") && rated.contains("%") && !rated.contains("6/6"), "the rate as a percentage: " + rated);
            check(b, "vue-public-project-rated");
            // the English switch turns the page's words, the outcome included, into English; and back
            b.shown(By.id("lang-switch")).click();
            String english = b.text(By.cssSelector("article.project-facts"), "Latest evaluation");
            assertTrue(english.contains("Satisfied") && !english.contains("最近测评"), english);
            check(b, "vue-public-project-rated-en");
            b.shown(By.id("lang-switch")).click();
            b.text(By.cssSelector("article.project-facts"), "最近测评");
            b.go(base + "/app/console/projects/" + water);
            b.text(By.tagName("h2"), "实施中");
            b.shown(By.id("project-close")).click();
            confirm(b, "销号");
            b.text(By.tagName("h2"), "已办结");
            assertEquals("CLOSED", RestAssured.given().get("/api/v1/public/projects/" + water).path("project.status"));

            // --- the two-year renewal carries over into 2028 after a confirmation
            b.go(base + "/app/console/projects/" + renewal);
            b.text(By.tagName("h2"), "实施中");
            b.shown(By.id("project-carry")).click();
            confirm(b, "结转下一年度");
            b.text(By.tagName("h2"), "结转下一年");
            List<Map<String, Object>> next = RestAssured.given().get("/api/v1/public/congresses/" + t.code() + "/projects?year=2028")
                    .jsonPath().getList("$");
            assertEquals(1, next.size());
            assertEquals(renewal, next.get(0).get("carriedFrom"));
            assertEquals(2, ((Number) next.get(0).get("stageYear")).intValue());
            check(b, "app-console-project-carried");

            // --- the audit log holds all of it; its verification is said in words
            b.go(base + "/app/console/audit");
            b.until(d -> d.findElements(By.cssSelector(".el-table__body tr")).size() >= 10 ? true : null);
            b.shown(By.id("audit-verify")).click();
            String verdict = b.text(By.id("audit-verdict"), "审计链完整");
            long entries = Api.as(t.secretariat()).get("/api/v1/congresses/" + t.congressId() + "/audit/verify").<Number>path("entries")
                    .longValue();
            assertTrue(verdict.contains(entries + " 条记录"), verdict);
            check(b, "app-console-audit");
        }
    }

    /**
     * A SELECTION of one seat between two candidates, made through the API and opened, voted two against
     * two and closed from its console page, which then shows the tie.
     */
    private String tieAtTheLastSeat(Browser b, Api.Tenant t, String sessionId, Map<String, String> tokens, List<String> pair,
            String tiePolicy, String title) throws Exception {
        String ballot = t.as().body(Map.of("title", title, "kind", "SELECTION", "seats", 1, "minSurplus", 1, "itemIds", pair,
                "tiePolicy", tiePolicy, "threshold", Map.of("fraction", "1/3", "base", "VALID_BALLOTS")))
                .post("/api/v1/sessions/" + sessionId + "/ballots").then().statusCode(201).extract().path("id");
        b.go(base + "/app/console/ballots/" + ballot);
        b.shown(By.id("ballot-open")).click();
        confirm(b, "开始表决");
        b.until(d -> d.findElement(By.id("ballot-close")).isEnabled());
        b.text(By.id("turnout"), "已投票 0 / 实到 4");
        int i = 0;
        for (String user : List.of("D001", "D002", "D003", "D004")) { // two against two
            Api.cast(tokens.get(user), ballot, Api.ticks(List.of(pair.get(i++ % 2)))).then().statusCode(201);
        }
        b.text(By.id("turnout"), "已投票 4 / 实到 4");
        b.shown(By.id("ballot-close")).click();
        confirm(b, "结束表决并计票");
        b.text(By.cssSelector(".el-table__body"), "票数相同待定");
        return ballot;
    }

    /**
     * Creates the ballot filled in on the open form, opens its page from the session's list, finds
     * its rules in words there and opens it after a confirmation; returns its id.
     */
    private static String createAndOpen(Browser b, String title, String rule, int present) {
        b.shown(By.id("ballot-create")).click();
        b.shown(By.linkText(title)).click();
        b.text(By.id("ballot-rules"), rule);
        b.shown(By.id("ballot-open")).click();
        confirm(b, "开始表决");
        b.until(d -> d.findElement(By.id("ballot-close")).isEnabled()); // open (a draft shows its turnout too)
        b.text(By.id("turnout"), "已投票 0 / 实到 " + present);
        String url = b.driver.getCurrentUrl();
        return url.substring(url.lastIndexOf('/') + 1);
    }

    /**
     * Closes and counts the ballot from its page after a confirmation, waits for the count's table
     * to say {@code counted}, lets the scrutineers countersign, and publishes after a confirmation.
     * Returns the table's row that said it.
     */
    private static String closeCountAndPublish(Browser b, Api.Tenant t, String ballotId, String counted, Runnable countersign) {
        b.shown(By.id("ballot-close")).click();
        confirm(b, "结束表决并计票");
        String row = b.text(By.cssSelector(".el-table__body"), counted);
        countersign.run();
        b.driver.navigate().refresh();
        b.text(By.id("countersignatures"), "监票人签字：2 / 2 人");
        b.shown(By.id("result-publish")).click();
        confirm(b, "公布结果");
        b.text(By.cssSelector(".toolbar"), "公布于");
        assertEquals("PUBLISHED", t.as().get("/api/v1/ballots/" + ballotId + "/result").path("status"));
        return row;
    }

    /** Two scrutineers countersign on their own pages (tested in ScrutineerPagesTest). */
    private static void countersign(Api.Tenant t, String ballotId) {
        for (int s = 0; s < 2; s++) {
            Api.as(Api.account(t, "scrutineer")).post("/api/v1/ballots/" + ballotId + "/result/countersign").then().statusCode(200);
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
