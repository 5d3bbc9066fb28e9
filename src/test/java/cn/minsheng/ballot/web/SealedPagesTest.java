package cn.minsheng.ballot.web;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minsheng.ballot.seal.Context;
import cn.minsheng.ballot.seal.SealedBallot;
import cn.minsheng.ballot.support.Api;
import cn.minsheng.ballot.support.AppPage;
import cn.minsheng.ballot.support.Api.Hall;
import cn.minsheng.ballot.support.Browser;
import cn.minsheng.ballot.support.FlakyProxy;
import cn.minsheng.ballot.support.SealDevices;
import cn.minsheng.ballot.support.Pages;
import cn.minsheng.ballot.verifier.SealedBoard;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The sealed ballot box through the pages, in real Chromium: three scrutineers hold the key ceremony
 * on their own browsers (the shares made, sealed, checked and backed up in the page), a deputy casts
 * a sealed ballot on the tablet page (the others through the API with the Java seal code), the chair
 * closes, two of three scrutineers decrypt the totals on their pages — one from the backup file after
 * losing the share on the device —, the counts match the marks, and the deputy finds the tracker on
 * the board.
 */
@QuarkusTest
class SealedPagesTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final By ITEMS = By.cssSelector("#items button.item");
    private static final String PASSPHRASE = "监票人的备份口令第一二三";

    private final int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
    private final String base = "http://localhost:" + port;

    @Test
    @SuppressWarnings("unchecked")
    void threeScrutineersHoldTheCeremonyADeputyVotesSealedAndTwoDecrypt() throws Exception {
        Hall hall = Api.hall(4, 4);
        var t = hall.tenant();
        // the hall's two scrutineers (password Api.PASSWORD) and a third
        List<String> scrutineers = new ArrayList<>(Api.as(t.secretariat()).queryParam("role", "scrutineer")
                .get("/api/v1/congresses/" + t.congressId() + "/accounts").then().statusCode(200).extract().<List<String>>path("items.username"));
        scrutineers.add(Api.accountName(t, "scrutineer"));
        assertEquals(3, scrutineers.size(), scrutineers.toString());
        List<String> c = Api.candidates15(t, Api.openWindow(t, 2027)).subList(0, 4);
        String ballot = t.as().body(Map.of("title", "加密票箱票决", "kind", "SELECTION", "seats", 2, "minSurplus", 1, "itemIds", c,
                "maxMarks", 2, "channels", List.of("ELECTRONIC"))).post("/api/v1/sessions/" + hall.sessionId() + "/ballots").then()
                .statusCode(201).extract().path("id");
        String ceremonyPage = base + "/app/scrutineer/sessions/" + hall.sessionId() + "/ceremony";

        try (Browser s1 = Pages.open(1280, 800); Browser s2 = Pages.open(1280, 800); Browser s3 = Pages.open(1280, 800)) {
            List<Browser> devices = List.of(s1, s2, s3);
            // ---- the first scrutineer finds the ceremony from the ballots page and starts it (k left to the majority)
            s1.go(base + "/app/scrutineer");
            AppPage.signIn(s1, t.code(), scrutineers.get(0), Api.PASSWORD);
            s1.shown(By.id("ceremony-go")).click();
            s1.text(By.id("ceremony-start"), "过半数");
            s1.shown(By.id("ceremony-start-button")).click();
            Pages.confirm(s1);
            s1.shown(By.id("ceremony-key"));
            assertEquals(2, (int) Api.as(t.secretariat()).get("/api/v1/sessions/" + hall.sessionId() + "/ceremony").path("k"));
            for (int i = 1; i < 3; i++) {
                devices.get(i).go(ceremonyPage);
                AppPage.signIn(devices.get(i), t.code(), scrutineers.get(i), Api.PASSWORD);
            }
            // each device makes and posts its key; the others' progress is shown in words
            s1.shown(By.id("ceremony-key")).click();
            s1.text(By.id("ceremony-mine"), "等待其他监票人提交公钥");
            s1.text(By.id("ceremony-state"), "提交公钥");
            Pages.check(s1, "vue-scrutineer-ceremony-waiting");
            for (int i = 1; i < 3; i++) {
                devices.get(i).shown(By.id("ceremony-key")).click();
            }
            for (Browser d : devices) {
                d.shown(By.id("ceremony-shares")).click();
            }
            for (Browser d : devices) {
                d.shown(By.id("ceremony-verify")).click();
                d.text(By.id("ceremony-checked"), "核验无误");
            }
            Pages.check(s2, "vue-scrutineer-ceremony-backup");
            for (Browser d : devices) {
                Pages.fill(d, By.cssSelector("#backup-pass"), PASSPHRASE, "\t");
                Pages.fill(d, By.cssSelector("#backup-again"), PASSPHRASE, "\t");
                d.shown(By.id("backup-save")).click();
                d.shown(By.id("backup-text"));
                d.shown(By.id("ceremony-done")).click();
                Pages.confirm(d);
            }
            byte[] backup = s2.downloaded("监票人密钥份额备份");
            // the last device's confirmation may still be on its way when its dialog closes
            s2.until(d -> "DONE".equals(Api.as(t.secretariat()).get("/api/v1/sessions/" + hall.sessionId() + "/ceremony").then()
                    .statusCode(200).extract().path("status")));
            s1.driver.navigate().refresh();
            s1.text(By.id("ceremony-state"), "密钥仪式已完成");
            s1.shown(By.id("key-kept"));
            Pages.check(s1, "vue-scrutineer-ceremony-done");
            String stored = (String) s1.driver.executeScript("return Object.keys(localStorage).join(' ')");
            assertTrue(stored.contains("minsheng.seal.key.") && !stored.contains("minsheng.seal.trustee."), stored);

            // ---- the ballot opens sealed; the third scrutineer's laptop serves as the first deputy's tablet
            t.as().post("/api/v1/ballots/" + ballot + "/open").then().statusCode(200).body("sealed", org.hamcrest.Matchers.equalTo(true));
            Browser tablet = s3;
            tablet.shown(By.id("sign-out")).click();
            tablet.go(base + "/app/deputy/vote");
            AppPage.signIn(tablet, t.code(), hall.usernames().get(0), hall.passwords().get(0));
            tablet.until(d -> d.findElements(ITEMS).size() == 4 && d.findElements(ITEMS).get(0).isDisplayed());
            tablet.driver.findElements(ITEMS).get(0).click();
            tablet.driver.findElements(ITEMS).get(1).click();
            tablet.shown(By.id("review")).click();
            tablet.text(By.id("sealed-note"), "加密");
            Pages.check(tablet, "vue-deputy-sealed-review");
            tablet.shown(By.id("submit")).click();
            String tracker = tablet.shown(By.id("tracker")).getText().trim();
            tablet.text(By.id("receipt-sealed"), "加密票箱");
            Pages.check(tablet, "vue-deputy-sealed-receipt");

            // the other deputies' tablets, played by the Java seal code
            JsonNode sc = JSON.readTree(Api.as(hall.deputy(1)).get("/api/v1/ballots/" + ballot + "/seal").then().statusCode(200)
                    .extract().asString());
            Context ctx = new Context(SealedBoard.readCeremony(sc.get("ceremony")), ballot, SealedBoard.readLayout(sc.get("layout")));
            List<List<Integer>> picks = List.of(List.of(0, 2), List.of(1, 2), List.of(0, 3));
            for (int d = 1; d <= 3; d++) {
                SealedBallot sb = SealedBallot.seal(ctx, "cast-" + UUID.randomUUID(),
                        Api.ticks(picks.get(d - 1).stream().map(c::get).toList()), RANDOM);
                Api.as(hall.deputy(d)).header("Idempotency-Key", UUID.randomUUID().toString())
                        .body(Map.of("sealed", HexFormat.of().formatHex(sb.encode()))).post("/api/v1/ballots/" + ballot + "/votes").then()
                        .statusCode(201);
            }
            t.as().post("/api/v1/ballots/" + ballot + "/close").then().statusCode(200)
                    .body("status", org.hamcrest.Matchers.equalTo("AWAITING_DECRYPTION"));

            // the console, in another tab of the tablet's browser (a tab signs in on its own): the ceremony is done, the count awaits 2
            String tabletTab = tablet.driver.getWindowHandle();
            tablet.driver.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
            tablet.go(base + "/app/console/sessions/" + hall.sessionId());
            AppPage.signIn(tablet, t.code(), "sec", Api.PASSWORD);
            tablet.text(By.id("ceremony-line"), "密钥仪式已完成（3 名监票人，计票须其中 2 名解密）");
            tablet.go(base + "/app/console/ballots/" + ballot);
            tablet.text(By.id("ballot-sealed"), "加密票箱");
            String awaiting = tablet.text(By.id("awaiting-decryption"), "4 张电子选票的合计数仍是加密的");
            assertTrue(awaiting.contains("已有 0 名解密，须 2 名") && awaiting.contains("无法计票"), awaiting);
            Pages.check(tablet, "app-console-ballot-awaiting-decryption");
            tablet.driver.close();
            tablet.driver.switchTo().window(tabletTab);

            // ---- two of three decrypt: the second after losing the share on the device and restoring the backup file
            String ballotPage = base + "/app/scrutineer/ballots/" + ballot;
            s1.go(ballotPage);
            s1.text(By.id("decrypt-state"), "现已有 0 名，还需 2 名");
            Pages.check(s1, "vue-scrutineer-decrypt");
            s1.shown(By.id("decrypt-go")).click();
            Pages.confirm(s1);
            s1.text(By.id("decrypt-state"), "现已有 1 名，还需 1 名");
            s1.shown(By.id("decrypt-mine"));

            s2.driver.executeScript("Object.keys(localStorage).filter(k => k.startsWith('minsheng.seal.')).forEach(k => localStorage.removeItem(k))");
            s2.go(ballotPage);
            Path file = Files.createTempFile("share-backup", ".txt");
            Files.write(file, backup);
            s2.shown(By.id("restore-file")).sendKeys(file.toString());
            s2.until(d -> !d.findElement(By.id("restore-text")).getAttribute("value").isBlank());
            Pages.fill(s2, By.cssSelector("#restore-pass"), PASSPHRASE, "\t");
            Pages.check(s2, "vue-scrutineer-restore");
            s2.shown(By.id("restore-go")).click();
            s2.shown(By.id("decrypt-go")).click();
            Pages.confirm(s2);
            s2.shown(By.id("countersign")); // counted: the figures replace the decryption
            Files.delete(file);

            // the counts are the deputies' marks: c0 by deputies 0, 1, 3; c1 by 0, 2; c2 by 1, 2; c3 by 3
            Map<String, Object> figures = t.as().get("/api/v1/ballots/" + ballot + "/result").then().statusCode(200)
                    .body("status", org.hamcrest.Matchers.equalTo("COUNTED")).extract().path("figures");
            List<Map<String, Object>> items = (List<Map<String, Object>>) figures.get("items");
            assertEquals(List.of(3, 2, 2, 1), items.stream().map(i -> ((Number) i.get("forCount")).intValue()).toList());
            assertEquals(4, ((Number) figures.get("returned")).intValue());
            Pages.check(s2, "vue-scrutineer-sealed-counted");

            for (String token : hall.scrutineers()) {
                Api.as(token).post("/api/v1/ballots/" + ballot + "/result/countersign").then().statusCode(200);
            }
            t.as().post("/api/v1/ballots/" + ballot + "/result/publish").then().statusCode(200);

            // ---- the deputy checks the tracker from the tablet; the board lists it
            tablet.shown(By.id("verify")).click();
            tablet.text(By.id("verify-result"), "已计入");
            List<String> onBoard = Api.as(hall.deputy(0)).get("/api/v1/ballots/" + ballot + "/sealed-board").then().statusCode(200)
                    .extract().path("ballots.tracker");
            assertTrue(onBoard.contains(tracker), tracker + " on " + onBoard);
            assertEquals(4, onBoard.size());
        }
    }

    /**
     * (a) In the key ceremony the scrutineer on the page receives a bad share from the other (played by
     * the Java seal code, which corrupts the box it sends), the page names the sender, the scrutineer
     * complains, and the ceremony page and the console name the accused. (b) After a second, honest
     * ceremony, the deputy's tablet seals a ballot and the network drops as it is sent: (the browser blocks the cast)
     * the sealed ballot stays kept with its Idempotency-Key and is retried; then the answer is lost (the cast lands, the
     * tablet does not hear it); when the network is back the retry gets the first receipt, the cast is
     * counted once and its tracker is on the sealed board. One hall and one browser for both.
     */
    @Test
    @SuppressWarnings("unchecked")
    void aBadShareIsNamedInTheCeremonyAndASealedCastSurvivesANetworkCut() throws Exception {
        Hall hall = Api.hall(2, 2);
        var t = hall.tenant();
        List<String> scrutineers = Api.as(t.secretariat()).queryParam("role", "scrutineer")
                .get("/api/v1/congresses/" + t.congressId() + "/accounts").then().statusCode(200).extract().path("items.username");
        assertEquals(2, scrutineers.size(), scrutineers.toString());
        String onPage = scrutineers.get(0);
        SealDevices.Device cheat = new SealDevices.Device(Api.login(t.code(), scrutineers.get(1), Api.PASSWORD));
        SealDevices.Device victim = new SealDevices.Device(Api.login(t.code(), onPage, Api.PASSWORD)); // the page's, seen from here
        String ceremony = "/api/v1/sessions/" + hall.sessionId() + "/ceremony";
        List<String> c = Api.candidates15(t, Api.openWindow(t, 2027)).subList(0, 3);

        try (FlakyProxy network = new FlakyProxy(port); Browser b = Pages.open(1280, 800)) {
            // ---- (a) the page starts the ceremony and posts its key; the other scrutineer's device cheats
            b.go(base + "/app/scrutineer/sessions/" + hall.sessionId() + "/ceremony");
            AppPage.signIn(b, t.code(), onPage, Api.PASSWORD);
            b.shown(By.id("ceremony-start-button")).click();
            Pages.confirm(b);
            b.shown(By.id("ceremony-key")).click();
            SealDevices.postKeys(hall.sessionId(), List.of(cheat));
            victim.index = Api.as(victim.token).get(ceremony).path("you");
            String cheatName = Api.as(t.secretariat()).get(ceremony).then().statusCode(200).extract()
                    .path("trustees.find { it.index == " + cheat.index + " }.name");
            b.shown(By.id("ceremony-shares")).click();
            SealDevices.postCommitments(hall.sessionId(), List.of(cheat, victim), cheat, victim);
            b.shown(By.id("ceremony-verify")).click();
            String alert = b.text(By.cssSelector(".bad"), "核验不通过");
            assertTrue(alert.contains(cheatName), alert);
            b.shown(By.cssSelector(".bad button[data-accuse='" + cheat.index + "']")).click();
            Pages.confirm(b);
            String failed = b.text(By.id("ceremony-failed"), "须重新举行");
            assertTrue(failed.contains(cheatName), failed);
            String verdict = b.text(By.id("ceremony-complaints"), "有误");
            assertTrue(verdict.contains(cheatName), verdict);
            Pages.check(b, "vue-scrutineer-ceremony-complaint");
            Api.as(t.secretariat()).get(ceremony).then().statusCode(200).body("status", equalTo("FAILED"))
                    .body("complaints[0].accused", equalTo(cheat.index)).body("complaints[0].atFault", equalTo(cheat.index));
            // the console says the ceremony failed, and whose share was bad
            String scrutineerTab = b.driver.getWindowHandle();
            b.driver.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
            b.go(base + "/app/console/sessions/" + hall.sessionId());
            AppPage.signIn(b, t.code(), "sec", Api.PASSWORD);
            String line = b.text(By.id("ceremony-line"), "密钥仪式未能完成");
            assertTrue(line.contains(cheatName) && line.contains("有误"), line);
            b.driver.close();
            b.driver.switchTo().window(scrutineerTab);

            // ---- (b) a second ceremony, honest (both devices played here); the ballot opens sealed
            List<SealDevices.Device> devices = SealDevices.ceremony(hall.sessionId(), List.of(victim.token, cheat.token));
            String ballot = Api.openBallot(hall, Map.of("title", "断网加密票决", "kind", "SELECTION", "seats", 1, "minSurplus", 1,
                    "itemIds", c, "channels", List.of("ELECTRONIC")));
            b.shown(By.id("sign-out")).click();
            b.go("http://localhost:" + network.port() + "/app/deputy/vote");
            Pages.signIn(b, t.code(), hall.usernames().get(0), hall.passwords().get(0));
            b.until(d -> d.findElements(ITEMS).size() == 3 && d.findElements(ITEMS).get(0).isDisplayed());
            b.driver.findElements(ITEMS).get(1).click();
            b.shown(By.id("review")).click();
            b.text(By.id("sealed-note"), "加密");

            // the network drops as the deputy confirms, once the tablet has sealed the ballot (its seal context is
            // fetched first, so the drop is the browser's own, for the cast alone): nothing reaches the service, the
            // sealed ballot is kept with its key and retried
            b.driver.executeCdpCommand("Network.enable", Map.of());
            b.driver.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of("*/ballots/" + ballot + "/votes*")));
            b.shown(By.id("submit")).click();
            b.text(By.id("sending"), "正在重新提交");
            String pendingKey = "minsheng.deputy.pending." + hall.deputyIds().get(0);
            Map<String, Object> kept = JSON.readValue((String) b.driver.executeScript("return localStorage.getItem(arguments[0])",
                    pendingKey), Map.class);
            assertTrue(kept.get("sealed") instanceof String && kept.get("tracker") instanceof String && kept.get("key") instanceof String,
                    "the sealed ballot is kept with its Idempotency-Key: " + kept.keySet());
            assertEquals(0, (int) t.as().get("/api/v1/ballots/" + ballot + "/turnout").path("cast"));
            // then the requests get through but the answers are lost: the cast lands, the tablet does not hear it
            network.cut();
            b.driver.executeCdpCommand("Network.setBlockedURLs", Map.of("urls", List.of()));
            b.until(d -> t.as().get("/api/v1/ballots/" + ballot + "/turnout").<Integer>path("cast") == 1);
            b.until(d -> network.answersSwallowed() > 0);
            Map<String, Object> still = JSON.readValue((String) b.driver.executeScript("return localStorage.getItem(arguments[0])",
                    pendingKey), Map.class);
            assertEquals(kept, still, "the same key and the same encoding are retried");
            Pages.check(b, "vue-deputy-sealed-network-cut");
            network.restore();
            String tracker = b.shown(By.id("tracker")).getText().trim();
            b.text(By.id("receipt-sealed"), "加密票箱");
            assertEquals(kept.get("tracker"), tracker, "the receipt is the kept ballot's");
            assertEquals(null, b.driver.executeScript("return localStorage.getItem(arguments[0])", pendingKey), "sent: no longer pending");
            assertEquals(1, (int) t.as().get("/api/v1/ballots/" + ballot + "/turnout").path("cast"));

            // the other deputy votes (Java seal code); close; both scrutineers decrypt; the ballot counted once
            JsonNode sc = JSON.readTree(Api.as(hall.deputy(1)).get("/api/v1/ballots/" + ballot + "/seal").then().statusCode(200)
                    .extract().asString());
            Context ctx = new Context(SealedBoard.readCeremony(sc.get("ceremony")), ballot, SealedBoard.readLayout(sc.get("layout")));
            SealedBallot other = SealedBallot.seal(ctx, "cast-" + UUID.randomUUID(), Api.ticks(List.of(c.get(0))), RANDOM);
            Api.as(hall.deputy(1)).header("Idempotency-Key", UUID.randomUUID().toString())
                    .body(Map.of("sealed", HexFormat.of().formatHex(other.encode()))).post("/api/v1/ballots/" + ballot + "/votes").then()
                    .statusCode(201);
            t.as().post("/api/v1/ballots/" + ballot + "/close").then().statusCode(200).body("status", equalTo("AWAITING_DECRYPTION"))
                    .body("sealed.ballots", equalTo(2));
            SealDevices.decrypt(ballot, devices).then().statusCode(200).body("status", equalTo("COUNTED"))
                    .body("figures.returned", equalTo(2)).body("figures.items[0].forCount", equalTo(1))
                    .body("figures.items[1].forCount", equalTo(1)).body("figures.items[2].forCount", equalTo(0));
            for (String token : hall.scrutineers()) {
                Api.as(token).post("/api/v1/ballots/" + ballot + "/result/countersign").then().statusCode(200);
            }
            t.as().post("/api/v1/ballots/" + ballot + "/result/publish").then().statusCode(200);
            List<String> onBoard = Api.as(hall.deputy(0)).get("/api/v1/ballots/" + ballot + "/sealed-board").then().statusCode(200)
                    .extract().path("ballots.tracker");
            assertEquals(2, onBoard.size());
            assertEquals(1, onBoard.stream().filter(tracker::equals).count(), tracker + " once on " + onBoard);
            b.shown(By.id("verify")).click();
            b.text(By.id("verify-result"), "已计入");
        }
    }
}
