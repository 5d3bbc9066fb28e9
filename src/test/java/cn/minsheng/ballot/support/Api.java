package cn.minsheng.ballot.support;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/** Test data through the real API: congresses, accounts, deputies, tokens. One place for all builders. */
public final class Api {

    public static final String ADMIN_PASSWORD = "admin-test-only";
    public static final String PASSWORD = "correct-horse-42";
    private static final AtomicInteger SEQ = new AtomicInteger();

    private Api() {
    }

    /** A congress with a secretariat account, both created the way a real operator would. */
    public record Tenant(String congressId, String code, String secretariat) {
        public RequestSpecification as() {
            return Api.as(secretariat);
        }
    }

    public static String unique(String prefix) {
        return prefix + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + SEQ.incrementAndGet();
    }

    public static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    /** Sends a file's bytes as they are: no charset is added to the content type behind the caller's back. */
    public static io.restassured.response.Response upload(String token, String path, byte[] file, String contentType) {
        return given().config(io.restassured.RestAssured.config().encoderConfig(io.restassured.config.EncoderConfig
                .encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .header("Authorization", "Bearer " + token).contentType(contentType).body(file).post(path);
    }

    public static String admin() {
        return login(null, "admin", ADMIN_PASSWORD);
    }

    public static String login(String congressCode, String username, String password) {
        Map<String, Object> body = congressCode == null ? Map.of("username", username, "password", password)
                : Map.of("congressCode", congressCode, "username", username, "password", password);
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", "198.51.100.1").body(body)
                .post("/api/v1/auth/login").then().statusCode(200).extract().path("accessToken");
    }

    public static Tenant tenant() {
        String admin = admin();
        String code = unique("c");
        String congressId = as(admin).body(Map.of("code", code, "name", "测试县人民代表大会 " + code, "level", "COUNTY"))
                .post("/api/v1/congresses").then().statusCode(201).extract().path("id");
        as(admin).body(Map.of("username", "sec", "password", PASSWORD, "role", "secretariat", "displayName", "大会秘书处"))
                .post("/api/v1/congresses/" + congressId + "/accounts").then().statusCode(201);
        return new Tenant(congressId, code, login(code, "sec", PASSWORD));
    }

    public static String deputy(Tenant t, String name) {
        return t.as().body(Map.of("name", name, "delegation", "城关镇代表团", "district", "第1选区"))
                .post("/api/v1/congresses/" + t.congressId() + "/deputies").then().statusCode(201).extract().path("id");
    }

    /** Creates an account of the role (a deputy gets a fresh deputy) and returns its token. */
    public static String account(Tenant t, String role) {
        String username = unique(role.substring(0, 3));
        Map<String, Object> body = new java.util.HashMap<>(Map.of("username", username, "password", PASSWORD, "role", role));
        if (role.equals("deputy")) {
            body.put("deputyId", deputy(t, "代表" + username));
        }
        t.as().body(body).post("/api/v1/congresses/" + t.congressId() + "/accounts").then().statusCode(201);
        return login(t.code(), username, PASSWORD);
    }

    /** A token signed with the service's own key, for tests that bend one claim at a time. */
    public static JwtClaimsBuilder claims(String role) {
        Instant now = Instant.now();
        return Jwt.issuer(config("minsheng.jwt.issuer")).audience(config("minsheng.jwt.audience"))
                .subject(UUID.randomUUID().toString()).upn("someone").groups(role)
                .issuedAt(now).expiresAt(now.plus(Duration.ofMinutes(5)));
    }

    public static String sign(JwtClaimsBuilder claims) {
        return claims.jws().keyId(config("minsheng.jwt.key-id")).sign();
    }

    public static String config(String key) {
        return ConfigProvider.getConfig().getValue(key, String.class);
    }
}
