package cn.minsheng.ballot.web.app;

import static cn.minsheng.ballot.support.AppPage.check;
import static cn.minsheng.ballot.support.AppPage.confirm;
import static cn.minsheng.ballot.support.AppPage.fill;
import static cn.minsheng.ballot.support.AppPage.press;
import static cn.minsheng.ballot.support.AppPage.row;
import static cn.minsheng.ballot.support.AppPage.rows;
import static cn.minsheng.ballot.support.AppPage.signIn;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;

import cn.minsheng.ballot.support.Api;
import cn.minsheng.ballot.support.Browser;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.http.ContentType;

/**
 * The platform admin creates and renames a congress and gives it a secretariat account, all in the
 * pages; the secretariat signs in to the console and creates a scrutineer's account, and when
 * someone has locked that account with wrong passwords, sees the lock in its password dialog and
 * lifts it. The API only sets up the wrong passwords and checks what the pages did.
 */
@QuarkusTest
class AdminPagesTest {

    private final String base = "http://localhost:" + ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);

    @Test
    void theAdminCreatesACongressAndItsSecretariatWhoThenCreatesAccounts() throws Exception {
        String code = Api.unique("c");
        try (Browser b = Browser.open(1280, 800)) {
            b.go(base + "/app/admin");
            signIn(b, null, "admin", Api.ADMIN_PASSWORD);
            b.shown(By.id("congress-new"));
            check(b, "app-admin-congresses");

            b.shown(By.id("congress-new")).click();
            fill(b, By.id("congress-name"), "青溪县人民代表大会");
            fill(b, By.id("congress-code"), code);
            check(b, "app-admin-congress-new");
            b.shown(By.id("congress-create")).click();
            b.text(By.tagName("h2"), "青溪县人民代表大会的账号");

            b.shown(By.id("account-new")).click();
            fill(b, By.id("account-username"), "sec-" + code);
            fill(b, By.id("account-password"), Api.PASSWORD);
            fill(b, By.id("account-display"), "大会秘书处");
            b.shown(By.id("account-create")).click();
            // the row as it settles (a tag that fades in is not yet text a person can read)
            String row = b.until(d -> {
                String r = row(b, "sec-" + code);
                return r.contains("可登录") ? r : null;
            });
            assertTrue(row.contains("秘书处"), row);
            check(b, "app-admin-accounts");

            String admin = Api.admin();
            List<Map<String, Object>> found = Api.as(admin).get("/api/v1/congresses?q=" + code).jsonPath().getList("items");
            assertEquals(1, found.size());
            String congressId = (String) found.get(0).get("id");
            assertEquals("secretariat", Api.as(admin).get("/api/v1/congresses/" + congressId + "/accounts")
                    .jsonPath().getString("items[0].role"));

            // renamed from the list
            b.go(base + "/app/admin");
            b.shown(By.id("congress-new"));
            fill(b, By.cssSelector("input[aria-label^='搜索']"), code);
            // the list filtered down to this congress (the full list may show it too, among others' congresses)
            b.until(d -> rows(b).size() == 1 && rows(b).get(0).contains(code));
            press(b, "改名");
            fill(b, By.id("rename-name"), "青溪县第十八届人民代表大会");
            b.shown(By.id("rename-save")).click();
            row(b, "青溪县第十八届人民代表大会");
            assertEquals("青溪县第十八届人民代表大会", Api.as(admin).get("/api/v1/congresses/" + congressId).path("name"));

            // the secretariat signs in to the console and creates a scrutineer's account
            b.shown(By.id("sign-out")).click();
            b.go(base + "/app/console/accounts");
            signIn(b, code, "sec-" + code, Api.PASSWORD);
            row(b, "sec-" + code);
            b.shown(By.id("account-new")).click();
            cn.minsheng.ballot.support.AppPage.pick(b, "account-role", "监票人");
            fill(b, By.id("account-username"), "jp-" + code);
            fill(b, By.id("account-password"), Api.PASSWORD);
            b.shown(By.id("account-create")).click();
            assertTrue(row(b, "jp-" + code).contains("监票人"));
            check(b, "app-console-accounts");
            assertEquals(2, Api.as(admin).get("/api/v1/congresses/" + congressId + "/accounts").jsonPath().getList("items").size());

            // someone locks the scrutineer out with wrong passwords; the password dialog shows the lock and lifts it
            for (int i = 0; i < 5; i++) {
                RestAssured.given().contentType(ContentType.JSON).header("X-Forwarded-For", "203.0.113.9")
                        .body(Map.of("congressCode", code, "username", "jp-" + code, "password", "wrong-" + i)).post("/api/v1/auth/login");
            }
            // the test profile locks for 2 s; hold it as production's 15 minutes would
            try (Connection app = DriverManager.getConnection(Api.config("quarkus.datasource.jdbc.url"), "minsheng_app", "minsheng_app")) {
                app.createStatement().executeUpdate("UPDATE login_throttle SET locked_until = now() + interval '15 minutes' WHERE key = 'account:"
                        + code.toLowerCase() + "/jp-" + code.toLowerCase() + "' AND locked_until IS NOT NULL");
            }
            assertEquals(429, loginStatus(code, "jp-" + code));
            b.until(d -> d.findElements(By.xpath("//tr[contains(.,'jp-" + code + "')]//button[normalize-space(.)='重设密码']"))
                    .stream().filter(WebElement::isDisplayed).findFirst().orElse(null)).click();
            String lock = b.text(By.id("lockout"), "已被锁定");
            assertTrue(lock.contains("jp-" + code) && lock.contains("最近输错密码"), lock);
            check(b, "app-console-account-locked");
            b.shown(By.id("lockout-lift")).click();
            confirm(b, "解除锁定");
            b.text(By.id("lockout"), "目前未被锁定");
            assertEquals(200, loginStatus(code, "jp-" + code));
            assertTrue(Api.as(Api.login(code, "sec-" + code, Api.PASSWORD)).get("/api/v1/congresses/" + congressId + "/audit?size=100").jsonPath().getList("items.action")
                    .contains("account.lockout.lifted"));
        }
    }

    private static int loginStatus(String code, String username) {
        return RestAssured.given().contentType(ContentType.JSON).header("X-Forwarded-For", "198.51.100.7")
                .body(Map.of("congressCode", code, "username", username, "password", Api.PASSWORD)).post("/api/v1/auth/login")
                .statusCode();
    }
}
