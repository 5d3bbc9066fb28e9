package cn.minsheng.ballot.common;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
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
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;

/**
 * For every operation of the contract that takes a body: 200 generated malformed bodies (jqwik
 * generators) with random ids in the path, sent with a token of a role the operation accepts.
 * Every answer is a 4xx problem+json, never a 5xx, and no table changes.
 */
@QuarkusTest
class FuzzTest {

    /** Bodies per operation: 60 in the suite (each answer is also checked against the contract); -Dfuzz.tries=1000 for a deeper run. */
    private static final int TRIES = Integer.getInteger("fuzz.tries", 60);
    private static final List<String> TABLES = List.of("congress", "deputy", "account", "solicitation", "proposal", "candidate",
            "slate", "slate_item", "session", "attendance", "ballot", "ballot_item", "participation", "ballot_content",
            "paper_tally", "ballot_result", "project", "milestone", "progress_report", "evidence", "supervisor", "inspection",
            "project_issue", "decision", "evaluation", "audit_entry");

    @Test
    void malformedBodiesAreRefusedCleanly() throws Exception {
        Tenant t = Api.tenant();
        List<String> tokens = List.of(t.secretariat(), Api.account(t, "deputy"), Api.account(t, "scrutineer"),
                Api.department(t, "教育局"), Api.admin());
        Arbitrary<String> bodies = bodies();
        Map<String, Long> before = counts();
        List<String> failures = new ArrayList<>();
        int operations = 0;
        for (Operation op : operations()) {
            String token = acceptingToken(op, tokens);
            operations++;
            for (String body : bodies.sampleStream().limit(TRIES).toList()) {
                var request = raw().contentType(op.contentType()).body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
                if (token != null) {
                    request.header("Authorization", "Bearer " + token);
                }
                Response r = request.header("Idempotency-Key", UUID.randomUUID().toString()).request(op.method(), op.path());
                if (r.statusCode() < 400 || r.statusCode() >= 500 || !"application/problem+json".equals(r.contentType())) {
                    failures.add(op.method() + " " + op.template() + " with " + abbreviate(body) + " -> " + r.statusCode() + " "
                            + abbreviate(r.asString()));
                }
            }
        }
        assertTrue(operations > 30, "found the operations with bodies: " + operations);
        assertTrue(failures.isEmpty(), failures.size() + " bad answers:\n" + String.join("\n", failures.subList(0, Math.min(20, failures.size()))));
        assertEquals(before, counts(), "no table changed");
    }

    record Operation(String method, String template, String path, String contentType) {
    }

    /** Operations with a request body; path parameters get random ids, so nothing existing is touched. */
    private static List<Operation> operations() {
        Map<String, Map<String, Map<String, Object>>> paths = given().get("/q/openapi?format=json").then().statusCode(200)
                .extract().path("paths");
        List<Operation> ops = new ArrayList<>();
        paths.forEach((template, methods) -> methods.forEach((method, op) -> {
            @SuppressWarnings("unchecked")
            Map<String, Map<String, Object>> body = (Map<String, Map<String, Object>>) op.get("requestBody");
            if (body == null) {
                return;
            }
            @SuppressWarnings("unchecked")
            Map<String, Object> content = (Map<String, Object>) body.get("content");
            String type = content.keySet().iterator().next();
            String path = template.replaceAll("\\{congressCode}", "nosuchcode").replaceAll("\\{tracker}", "0".repeat(64))
                    .replaceAll("\\{[A-Za-z]+}", UUID.randomUUID().toString());
            ops.add(new Operation(method.toUpperCase(), template, path, type));
        }));
        return ops;
    }

    /** The first token the operation does not refuse outright, so the body actually gets read. */
    private static String acceptingToken(Operation op, List<String> tokens) {
        for (String token : tokens) {
            int status = raw().header("Authorization", "Bearer " + token).contentType(op.contentType()).body(new byte[] { '{' })
                    .header("Idempotency-Key", UUID.randomUUID().toString()).request(op.method(), op.path()).statusCode();
            if (status != 401 && status != 403) {
                return token;
            }
        }
        return null;
    }

    /** Bytes go out as they are, whatever the content type. */
    private static io.restassured.specification.RequestSpecification raw() {
        return given().config(io.restassured.RestAssured.config().encoderConfig(
                io.restassured.config.EncoderConfig.encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)));
    }

    /** Broken JSON, wrong shapes, wrong types, absurd values, random text. */
    private static Arbitrary<String> bodies() {
        Arbitrary<String> text = Arbitraries.strings().all().ofMaxLength(60);
        Arbitrary<String> scalar = Arbitraries.oneOf(
                Arbitraries.integers().map(String::valueOf),
                Arbitraries.of("1e309", "-0", "NaN", "true", "null", "\"\"", "[]", "{}", "\"" + "长".repeat(5000) + "\"",
                        "99999999999999999999999", "\"2027-02-30\"", "\"not-a-uuid\"", "\"GALAXY\""),
                text.map(s -> "\"" + s.replace("\\", "\\\\").replace("\"", "\\\"") + "\""));
        Arbitrary<String> key = Arbitraries.oneOf(Arbitraries.of("title", "name", "code", "kind", "marks", "itemIds", "seats",
                "percent", "decision", "deputyId", "congressId", "role", "status", "password", "username", "threshold",
                "quorum", "level", "issued", "totals", "ballots", "answer", "dueOn", "weight", "candidateIds", "year"),
                Arbitraries.strings().alpha().ofMinLength(1).ofMaxLength(12));
        Arbitrary<String> object = Arbitraries.maps(key, scalar).ofMaxSize(6).map(m -> {
            StringBuilder sb = new StringBuilder("{");
            m.forEach((k, v) -> sb.append(sb.length() > 1 ? "," : "").append('"').append(k).append("\":").append(v));
            return sb.append('}').toString();
        });
        Arbitrary<String> truncated = object.map(o -> o.substring(0, Math.max(1, o.length() - 1)));
        Arbitrary<String> nested = Arbitraries.integers().between(1, 3000).map(depth -> "[".repeat(depth) + "]".repeat(depth));
        return Arbitraries.oneOf(object, truncated, nested, scalar, text);
    }

    private static Map<String, Long> counts() throws Exception {
        Map<String, Long> counts = new LinkedHashMap<>();
        try (Connection db = DriverManager.getConnection(Api.config("quarkus.datasource.jdbc.url"), "minsheng_owner", "minsheng_owner")) {
            for (String table : TABLES) {
                try (ResultSet rs = db.createStatement().executeQuery("SELECT count(*) FROM " + table)) {
                    rs.next();
                    counts.put(table, rs.getLong(1));
                }
            }
        }
        return counts;
    }

    private static String abbreviate(String s) {
        return s == null ? "" : s.length() > 120 ? s.substring(0, 120) + "…" : s;
    }
}
