package cn.minsheng.ballot.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.in;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.minsheng.ballot.support.Api;
import cn.minsheng.ballot.support.Api.Tenant;
import io.quarkus.test.junit.QuarkusTest;

/** Malformed JSON, wrong types, unknown enum values and fields, oversized bodies: always 4xx problem+json, nothing stored. */
@QuarkusTest
class BadInputTest {

    record Target(String method, String path, String token, String typeProbe, String enumProbe) {
    }

    @Test
    void everyJsonWriteRefusesBadBodiesAndStoresNothing() {
        Tenant t = Api.tenant();
        String admin = Api.admin();
        String c = "/api/v1/congresses/" + t.congressId();
        String accountId = t.as().get(c + "/accounts").path("items[0].id");
        String deputyId = Api.deputy(t, "某代表");
        List<Target> targets = List.of(
                new Target("POST", "/api/v1/auth/login", null, "{\"username\":{\"a\":1},\"password\":\"x\"}", null),
                new Target("POST", "/api/v1/congresses", admin, "{\"code\":\"x1\",\"name\":[1],\"level\":\"COUNTY\"}",
                        "{\"code\":\"x1\",\"name\":\"n\",\"level\":\"GALAXY\"}"),
                new Target("PATCH", c, admin, "{\"name\":{\"x\":1}}", "{\"level\":\"GALAXY\"}"),
                new Target("POST", c + "/accounts", t.secretariat(),
                        "{\"username\":\"abc\",\"password\":\"12345678\",\"role\":\"department\",\"deputyId\":[1]}",
                        "{\"username\":\"abc\",\"password\":\"12345678\",\"role\":\"king\"}"),
                new Target("PATCH", c + "/accounts/" + accountId, t.secretariat(), "{\"enabled\":[true]}", null),
                new Target("POST", c + "/deputies", t.secretariat(), "{\"name\":[\"a\"]}", "{\"name\":\"n\",\"status\":\"ASLEEP\"}"),
                new Target("PATCH", c + "/deputies/" + deputyId, t.secretariat(), "{\"district\":{}}", "{\"status\":\"ASLEEP\"}"));

        long congresses = total(admin, "/api/v1/congresses");
        long accounts = total(t.secretariat(), c + "/accounts");
        long deputies = total(t.secretariat(), c + "/deputies");
        String before = t.as().get(c + "/deputies/" + deputyId).asString();

        for (Target target : targets) {
            String what = target.method() + " " + target.path();
            send(target, "{", 400, "MALFORMED_JSON", what);
            send(target, "{\"a\":", 400, "MALFORMED_JSON", what);
            send(target, "[1,2]", 400, null, what);
            send(target, "", 400, null, what);
            send(target, "null", 400, null, what);
            send(target, "{\"congressId\":\"" + t.congressId() + "\"}", 400, "UNKNOWN_FIELD", what);
            send(target, target.typeProbe(), 400, "WRONG_TYPE", what);
            if (target.enumProbe() != null) {
                send(target, target.enumProbe(), 400, "INVALID_VALUE", what);
            }
            send(target, "{\"name\":\"" + "x".repeat(300 * 1024) + "\"}", 413, "PAYLOAD_TOO_LARGE", what);
            var request = given().contentType("text/plain").body("hello");
            if (target.token() != null) {
                request.header("Authorization", "Bearer " + target.token());
            }
            request.request(target.method(), target.path()).then().statusCode(415).contentType("application/problem+json");
        }

        assertEquals(congresses, total(admin, "/api/v1/congresses"));
        assertEquals(accounts, total(t.secretariat(), c + "/accounts"));
        assertEquals(deputies, total(t.secretariat(), c + "/deputies"));
        assertEquals(before, t.as().get(c + "/deputies/" + deputyId).asString());
    }

    private static void send(Target target, String body, int status, String code, String what) {
        var request = given().contentType("application/json").body(body);
        if (target.token() != null) {
            request.header("Authorization", "Bearer " + target.token());
        }
        var response = request.request(target.method(), target.path());
        assertEquals(status, response.statusCode(), what + " with " + abbreviate(body) + ": " + response.asString());
        assertEquals("application/problem+json", response.contentType(), what);
        if (code != null) {
            assertEquals(code, response.path("code"), what + " with " + abbreviate(body));
        }
    }

    private static String abbreviate(String s) {
        return s.length() > 80 ? s.substring(0, 80) + "…" : s;
    }

    private static long total(String token, String path) {
        return ((Number) Api.as(token).get(path + "?size=1").path("total")).longValue();
    }

    @Test
    void validationErrorsNameTheFieldInTheCallersLanguage() {
        String admin = Api.admin();
        Api.as(admin).header("Accept-Language", "en-US,en;q=0.9").body(Map.of("code", "!", "name", "", "level", "COUNTY"))
                .post("/api/v1/congresses").then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("title", equalTo("Bad request")).body("errors.field", org.hamcrest.Matchers.hasItems("code", "name"));
        Api.as(admin).header("Accept-Language", "zh-CN").body(Map.of("code", "ok-code", "name", "", "level", "COUNTY"))
                .post("/api/v1/congresses").then().statusCode(400).body("title", equalTo("请求无效"))
                .body("detail", equalTo("请求中有字段未通过校验。")).body("errors[0].field", equalTo("name"));
    }

    @Test
    void unknownPathsMethodsAndIdsAreProblems() {
        Tenant t = Api.tenant();
        given().get("/api/v1/nothing-here").then().statusCode(404).contentType("application/problem+json")
                .body("code", equalTo("NOT_FOUND"));
        t.as().get("/api/v1/congresses/not-a-uuid/deputies").then().statusCode(404).contentType("application/problem+json");
        t.as().get("/api/v1/congresses/" + t.congressId() + "/deputies/" + java.util.UUID.randomUUID()).then()
                .statusCode(404).body("code", equalTo("NOT_FOUND"));
        // Quarkus REST answers an unsupported method with 404 or 405 depending on the route; either way a problem
        t.as().delete("/api/v1/congresses/" + t.congressId() + "/deputies").then().statusCode(in(List.of(404, 405)))
                .contentType("application/problem+json").body("code", in(List.of("NOT_FOUND", "METHOD_NOT_ALLOWED")));
        t.as().get("/api/v1/congresses/" + t.congressId() + "/deputies?size=100000").then().statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"));
        t.as().get("/api/v1/congresses/" + t.congressId() + "/deputies?status=ASLEEP").then().statusCode(404);
    }
}
