package cn.minsheng.ballot.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.minsheng.ballot.support.Api;
import cn.minsheng.ballot.support.Api.Tenant;
import cn.minsheng.ballot.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class LoginTest {

    @Inject
    TestClock clock;

    private static Response attempt(String address, String congressCode, String username, String password) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("username", username, "password", password));
        if (congressCode != null) {
            body.put("congressCode", congressCode);
        }
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", address).body(body).post("/api/v1/auth/login");
    }

    @Test
    void adminLogsInWithoutCongressAndGetsAnRs256TokenWithTheDocumentedClaims() {
        Response r = attempt("203.0.113.1", null, "admin", Api.ADMIN_PASSWORD);
        r.then().statusCode(200).body("tokenType", equalTo("Bearer")).body("expiresIn", equalTo(3600))
                .body("roles", hasItem("admin")).body("accessToken", notNullValue());
        String[] parts = r.path("accessToken").toString().split("\\.");
        String header = new String(java.util.Base64.getUrlDecoder().decode(parts[0]));
        String payload = new String(java.util.Base64.getUrlDecoder().decode(parts[1]));
        assertTrue(header.contains("\"RS256\""), header);
        assertTrue(header.contains("\"kid\":\"minsheng-1\""), header);
        for (String claim : new String[] { "\"sub\"", "\"iss\":\"https://minsheng-ballot.local\"", "\"aud\"", "\"groups\"", "\"exp\"" }) {
            assertTrue(payload.contains(claim), payload + " lacks " + claim);
        }
    }

    @Test
    void deputyTokenCarriesCongressAndDeputyId() {
        Tenant t = Api.tenant();
        String token = Api.account(t, "deputy");
        Api.as(token).get("/api/v1/me").then().statusCode(200)
                .body("congressId", equalTo(t.congressId())).body("deputyId", notNullValue()).body("roles", hasItem("deputy"));
    }

    @Test
    void wrongPasswordAndUnknownUserGetTheSameAnswer() {
        Tenant t = Api.tenant();
        attempt("203.0.113.2", t.code(), "sec", "wrong-password").then().statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("INVALID_CREDENTIALS"));
        attempt("203.0.113.2", t.code(), "nobody", "wrong-password").then().statusCode(401)
                .body("code", equalTo("INVALID_CREDENTIALS"));
        attempt("203.0.113.2", "no-such-congress", "sec", Api.PASSWORD).then().statusCode(401)
                .body("code", equalTo("INVALID_CREDENTIALS"));
        // the secretariat is no admin: without a congress code the name is not found
        attempt("203.0.113.2", null, "sec", Api.PASSWORD).then().statusCode(401);
    }

    @Test
    void repeatedFailuresLockTheAccountUntilTheLockExpires() {
        Tenant t = Api.tenant();
        for (int i = 0; i < 5; i++) {
            attempt("203.0.113.3", t.code(), "sec", "wrong-" + i).then().statusCode(401);
        }
        Response locked = attempt("203.0.113.4", t.code(), "sec", Api.PASSWORD);
        locked.then().statusCode(429).contentType("application/problem+json").body("code", equalTo("LOGIN_LOCKED"));
        long retryAfter = Long.parseLong(locked.header("Retry-After"));
        assertTrue(retryAfter >= 1 && retryAfter <= 3, "Retry-After " + retryAfter);
        // another account in the same congress is not affected
        Api.as(t.secretariat()).get("/api/v1/me").then().statusCode(200);

        // still locked a moment before, open once the server's clock reaches Retry-After
        attempt("203.0.113.4", t.code(), "sec", Api.PASSWORD).then().statusCode(429);
        clock.advance(Duration.ofSeconds(retryAfter));
        attempt("203.0.113.4", t.code(), "sec", Api.PASSWORD).then().statusCode(200);
    }

    @Test
    void manyFailuresFromOneAddressLockThatAddressOnly() {
        Tenant t = Api.tenant();
        for (int i = 0; i < 10; i++) {
            attempt("203.0.113.50", t.code(), "guess" + i, "x").then().statusCode(401);
        }
        attempt("203.0.113.50", t.code(), "sec", Api.PASSWORD).then().statusCode(429).body("code", equalTo("LOGIN_LOCKED"));
        attempt("203.0.113.51", t.code(), "sec", Api.PASSWORD).then().statusCode(200);
    }

    @Test
    void disablingAnAccountStopsItsTokenAtOnceAndItsLogin() {
        Tenant t = Api.tenant();
        String username = Api.unique("dep");
        String accountId = t.as().body(Map.of("username", username, "password", Api.PASSWORD, "role", "department"))
                .post("/api/v1/congresses/" + t.congressId() + "/accounts").then().statusCode(201).extract().path("id");
        String token = Api.login(t.code(), username, Api.PASSWORD);
        Api.as(token).get("/api/v1/me").then().statusCode(200);

        t.as().body(Map.of("enabled", false)).patch("/api/v1/congresses/" + t.congressId() + "/accounts/" + accountId)
                .then().statusCode(200).body("enabled", equalTo(false));
        Api.as(token).get("/api/v1/me").then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        attempt("203.0.113.5", t.code(), username, Api.PASSWORD).then().statusCode(401);

        t.as().body(Map.of("enabled", true)).patch("/api/v1/congresses/" + t.congressId() + "/accounts/" + accountId)
                .then().statusCode(200);
        Api.as(token).get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void anAccountDisabledInTheDatabaseByHandStopsItsTokenToo() throws Exception {
        Tenant t = Api.tenant();
        String username = Api.accountName(t, "scrutineer");
        String token = Api.login(t.code(), username, Api.PASSWORD);
        for (int i = 0; i < 3; i++) {
            Api.as(token).get("/api/v1/me").then().statusCode(200); // the service now remembers it as enabled
        }
        String url = Api.config("quarkus.datasource.jdbc.url");
        try (java.sql.Connection owner = java.sql.DriverManager.getConnection(url, "minsheng_owner", "minsheng_owner");
                java.sql.PreparedStatement ps = owner.prepareStatement(
                        "UPDATE account SET enabled = false WHERE username = ? AND congress_id = ?::uuid")) {
            ps.setString(1, username);
            ps.setString(2, t.congressId());
            assertEquals(1, ps.executeUpdate());
        }
        // the trigger's notification reaches the service; no fixed wait, at most 20 s of polling
        long deadline = System.nanoTime() + 20_000_000_000L;
        int status = 200;
        while (status == 200 && System.nanoTime() < deadline) {
            status = Api.as(token).get("/api/v1/me").statusCode();
            if (status == 200) {
                Thread.sleep(50);
            }
        }
        assertEquals(401, status, "a token of an account disabled in SQL is refused");
    }

    @Test
    void passwordResetReplacesTheOldPassword() {
        Tenant t = Api.tenant();
        String username = Api.unique("scr");
        String accountId = t.as().body(Map.of("username", username, "password", Api.PASSWORD, "role", "scrutineer"))
                .post("/api/v1/congresses/" + t.congressId() + "/accounts").then().statusCode(201).extract().path("id");
        t.as().body(Map.of("password", "a-new-password-7")).patch("/api/v1/congresses/" + t.congressId() + "/accounts/" + accountId)
                .then().statusCode(200);
        attempt("203.0.113.6", t.code(), username, Api.PASSWORD).then().statusCode(401);
        assertEquals(200, attempt("203.0.113.6", t.code(), username, "a-new-password-7").statusCode());
    }

    @Test
    void jwksPublishesTheKeyThatVerifiesIssuedTokens() {
        given().get("/.well-known/jwks.json").then().statusCode(200)
                .body("keys[0].kty", equalTo("RSA")).body("keys[0].kid", equalTo("minsheng-1"))
                .body("keys[0].alg", equalTo("RS256")).body("keys[0].n", notNullValue()).body("keys[0].e", equalTo("AQAB"));
    }
}
