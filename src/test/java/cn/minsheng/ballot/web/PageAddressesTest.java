package cn.minsheng.ballot.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

import cn.minsheng.ballot.support.Browser;
import cn.minsheng.ballot.support.Pages;

import io.quarkus.test.junit.QuarkusTest;

/**
 * The pages' entry answers with a policy that allows only this origin; the bare address and the
 * first pages' addresses (on notices, posters, login slips and bookmarks) lead to the Vue pages that
 * do their work now.
 */
@QuarkusTest
class PageAddressesTest {

    @Test
    void thePagesAllowOnlyThisOrigin() {
        for (String page : java.util.List.of("/app/", "/app/console/sessions", "/app/deputy/vote")) {
            given().get(page).then().statusCode(200).contentType("text/html")
                    .header("Content-Security-Policy", containsString("default-src 'self'"))
                    .header("Content-Security-Policy", containsString("script-src 'self';"))
                    .header("Content-Security-Policy", containsString("frame-ancestors 'none'"))
                    .header("X-Content-Type-Options", "nosniff");
        }
    }

    /** The browser enforces the policy, and the browser tests' recorder (Pages.check) sees a violation as an error. */
    @Test
    void aScriptWrittenIntoThePageIsRefusedAndTheTestsSeeIt() throws Exception {
        int port = ConfigProvider.getConfig().getValue("quarkus.http.test-port", Integer.class);
        try (Browser b = Pages.open(800, 600)) {
            b.go("http://localhost:" + port + "/app/");
            b.shown(By.id("main"));
            assertEquals(java.util.List.of(), Pages.errors(b));
            b.driver.executeScript("const s = document.createElement('script'); s.textContent = 'window.__ran = true';"
                    + " document.head.appendChild(s);");
            java.util.List<String> errors = b.until(d -> Pages.errors(b).isEmpty() ? null : Pages.errors(b));
            assertEquals(Boolean.FALSE, b.driver.executeScript("return window.__ran === true"));
            assertTrue(errors.get(0).startsWith("content security policy: script-src"), errors.toString());
        }
    }

    @Test
    void theFirstAddressesLeadToThePagesThatReplacedThem() {
        String session = UUID.randomUUID().toString();
        Map<String, String> moves = Map.of("/", "/app/public", "/tablet", "/app/deputy/vote", "/screen/" + session,
                "/app/projector/" + session, "/public", "/app/public", "/public?congress=lc2027", "/app/public/lc2027", "/console",
                "/app/console");
        moves.forEach((from, to) -> given().redirects().follow(false).get(from).then().statusCode(303)
                .header("Location", endsWith(to)));
        // whatever an old address carries stays one segment of the new one: a slash or a space is encoded, never a 5xx
        given().redirects().follow(false).urlEncodingEnabled(false).get("/public?congress=a%20b/../x").then().statusCode(303)
                .header("Location", endsWith("/app/public/a%20b%2F..%2Fx"));
        given().redirects().follow(false).urlEncodingEnabled(false).get("/screen/a%20b").then().statusCode(303)
                .header("Location", endsWith("/app/projector/a%20b"));
    }
}
