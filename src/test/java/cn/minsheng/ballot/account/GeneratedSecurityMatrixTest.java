package cn.minsheng.ballot.account;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import cn.minsheng.ballot.support.Api;
import cn.minsheng.ballot.support.Api.Tenant;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Generated from the contract, so a new endpoint is covered the day it appears: for every operation
 * and every caller (no token and each role), the roles the contract declares (security scopes) are
 * let through and everyone else is refused — 401 without a token, 403 with the wrong role.
 * Operations without security, or with an empty requirement among theirs, are public. Tenant isolation is RoleMatrixTest's job.
 */
@QuarkusTest
class GeneratedSecurityMatrixTest {

    @Test
    void theContractsRolesAreEnforcedOnEveryOperation() {
        Tenant t = Api.tenant();
        Map<String, String> tokens = new LinkedHashMap<>();
        tokens.put("anonymous", null);
        tokens.put("admin", Api.admin());
        tokens.put("secretariat", t.secretariat());
        tokens.put("deputy", Api.account(t, "deputy"));
        tokens.put("scrutineer", Api.account(t, "scrutineer"));
        tokens.put("department", Api.department(t, "教育局"));

        Map<String, Map<String, Map<String, Object>>> paths = given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().path("paths");
        List<String> failures = new ArrayList<>();
        int checked = 0;
        for (var path : paths.entrySet()) {
            for (var method : path.getValue().entrySet()) {
                Map<String, Object> op = method.getValue();
                if (path.getKey().endsWith("/stream")) {
                    continue; // an allowed caller's stream never ends; TurnoutStreamTest covers it
                }
                List<String> allowed = rolesOf(op);
                String url = path.getKey().replaceAll("\\{congressCode}", t.code()).replaceAll("\\{tracker}", "0".repeat(64))
                        .replaceAll("\\{[A-Za-z]+}", UUID.randomUUID().toString());
                for (var who : tokens.entrySet()) {
                    var request = given().config(io.restassured.RestAssured.config().encoderConfig(io.restassured.config.EncoderConfig
                            .encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)));
                    if (who.getValue() != null) {
                        request.header("Authorization", "Bearer " + who.getValue());
                    }
                    if (op.get("requestBody") != null) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> content = ((Map<String, Map<String, Object>>) op.get("requestBody")).get("content");
                        request.contentType(content.keySet().iterator().next()).body("{}".getBytes());
                    }
                    Response r = request.request(method.getKey().toUpperCase(), url);
                    int status = r.statusCode();
                    boolean ok;
                    if (allowed == null) {
                        ok = status != 401 && status != 403;
                    } else if (who.getValue() == null) {
                        ok = status == 401;
                    } else if (allowed.contains(who.getKey())) {
                        ok = status != 401 && status != 403;
                    } else {
                        ok = status == 403;
                    }
                    checked++;
                    if (!ok || status >= 500) {
                        failures.add(op.get("operationId") + " as " + who.getKey() + " (allowed " + allowed + "): " + status + " "
                                + r.asString());
                    }
                }
            }
        }
        assertTrue(checked > 300, "checked " + checked);
        assertTrue(failures.isEmpty(), String.join("\n", failures));
    }

    /** The roles of the operation's security requirement, or null for a public operation. */
    @SuppressWarnings("unchecked")
    private static List<String> rolesOf(Map<String, Object> op) {
        List<Map<String, List<String>>> security = (List<Map<String, List<String>>>) op.get("security");
        if (security == null || security.isEmpty() || security.stream().anyMatch(Map::isEmpty)) {
            return null; // no requirement, or an empty one ({}): anyone may call it, with or without a token
        }
        List<String> roles = new ArrayList<>();
        security.forEach(req -> req.values().forEach(roles::addAll));
        return roles;
    }
}
