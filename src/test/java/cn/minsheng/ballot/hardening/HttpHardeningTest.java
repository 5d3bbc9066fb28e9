package cn.minsheng.ballot.hardening;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.minsheng.ballot.support.Api;
import cn.minsheng.ballot.support.Api.Tenant;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Issue 17, items 6-9, 13 and 14: what the HTTP layer must answer whoever asks. The idle and body
 * timeouts are tested on the packaged service (deploy/ProductionDefaultsIT).
 */
@QuarkusTest
class HttpHardeningTest {

    @Test
    void aNulInAPathOrQueryIs400ProblemJsonNot500() {
        for (String path : List.of("/api/v1/public/congresses/%00/results", "/api/v1/public/congresses/a%00b/projects",
                "/api/v1/public/congresses/x/proposals?q=%00", "/api/v1/public/congresses/x/proposals?q=a%00")) {
            given().urlEncodingEnabled(false).get(path).then().statusCode(400).contentType("application/problem+json")
                    .body("code", equalTo("INVALID_CHARACTER"));
        }
    }

    @Test
    void aNulInsideAJsonBodyIs400ProblemJsonNot500() {
        Tenant t = Api.tenant();
        t.as().body("{\"name\":\"a\\u0000b\"}").post("/api/v1/congresses/" + t.congressId() + "/deputies").then()
                .statusCode(400).contentType("application/problem+json").body("code", equalTo("INVALID_CHARACTER"));
    }

    @Test
    void metricsAreOnlyForTheAdmin() {
        given().get("/q/metrics").then().statusCode(401);
        Tenant t = Api.tenant();
        t.as().get("/q/metrics").then().statusCode(403);
        Api.as(Api.account(t, "scrutineer")).get("/q/metrics").then().statusCode(403);
        Api.as(Api.admin()).get("/q/metrics").then().statusCode(200);
    }

    @Test
    void answersToASignedInCallerAreNeverStoredAndNothingIsSniffed() {
        Tenant t = Api.tenant();
        String c = "/api/v1/congresses/" + t.congressId();
        for (String path : List.of("/api/v1/me", c + "/accounts", c + "/proposals/export", c + "/candidates/export",
                c + "/audit/export", c + "/dashboard/export")) {
            Response r = t.as().get(path);
            assertEquals(200, r.statusCode(), path);
            assertEquals("no-store", r.header("Cache-Control"), path);
            assertEquals("nosniff", r.header("X-Content-Type-Options"), path);
        }
        // the pages' own script, a static file: its address is in the entry page
        java.util.regex.Matcher script = java.util.regex.Pattern.compile("src=\"(/app/assets/[^\"]+\\.js)\"")
                .matcher(given().get("/app/").asString());
        assertTrue(script.find(), "the entry page names its script");
        for (String path : List.of("/app/public", script.group(1), "/q/health/live", "/api/v1/public/categories",
                "/api/v1/public/congresses/nope/results")) {
            assertEquals("nosniff", given().get(path).header("X-Content-Type-Options"), path);
        }
        // an error answered to a signed-in caller is not stored either
        Response missing = t.as().get(c + "/deputies/00000000-0000-0000-0000-000000000000");
        assertEquals(404, missing.statusCode());
        assertEquals("no-store", missing.header("Cache-Control"));
    }

    @Test
    void checkInWithANullOrEmptyBodyIsRefusedAsTheContractSays() {
        Api.Hall hall = Api.hall(2, 0);
        String path = "/api/v1/sessions/" + hall.sessionId() + "/attendance";
        Api.as(hall.deputy(0)).body("null").post(path).then().statusCode(400).contentType("application/problem+json");
        Api.as(hall.deputy(0)).post(path).then().statusCode(400).contentType("application/problem+json");
        Api.as(hall.deputy(0)).get(path).then().body("present", equalTo(0));
        Api.as(hall.deputy(0)).body("{}").post(path).then().statusCode(200).body("present", equalTo(1));
    }

    @Test
    void readinessAnswersWithTheDatabaseAndTheListener() {
        Map<String, Object> ready = given().get("/q/health/ready").then().statusCode(200).extract()
                .path("checks.find { it.name == 'Database and listener' }.data"); // checks come in no fixed order
        assertEquals("UP", ready.get("database"));
        assertEquals("UP", ready.get("listener"));
    }
}
