package cn.minsheng.ballot.hardening;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.minsheng.ballot.support.Api;
import cn.minsheng.ballot.support.Api.Tenant;
import io.quarkus.test.junit.QuarkusTest;

/** Issue 17, item 5: odd tokens signed with the service key, and tokens from before a password or role change. */
@QuarkusTest
class TokenRevocationTest {

    private static void refused(String token) {
        given().header("Authorization", "Bearer " + token).get("/api/v1/me").then().statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("UNAUTHENTICATED"));
    }

    private static String adminSubject() {
        return Api.as(Api.admin()).get("/api/v1/me").then().statusCode(200).extract().path("accountId");
    }

    @Test
    void aTokenWithoutKidIsRefused() {
        String subject = adminSubject();
        given().header("Authorization", "Bearer " + Api.sign(Api.claims("admin").subject(subject))).get("/api/v1/me").then()
                .statusCode(200);
        refused(Api.claims("admin").subject(subject).jws().sign());
    }

    @Test
    void aTokenIssuedInTheFutureIsRefused() {
        Instant tomorrow = Instant.now().plus(Duration.ofDays(1));
        refused(Api.sign(Api.claims("admin").subject(adminSubject()).issuedAt(tomorrow).expiresAt(tomorrow.plusSeconds(600))));
    }

    @Test
    void aTokenLivingLongerThanTheServiceIssuesIsRefused() {
        Instant now = Instant.now();
        refused(Api.sign(Api.claims("admin").subject(adminSubject()).issuedAt(now).expiresAt(now.plus(Duration.ofDays(3650)))));
    }

    /** A signed-in scrutineer: username, token, account id; a second has passed since the token was issued. */
    private record SignedIn(Tenant tenant, String username, String token, String id) {
        static SignedIn scrutineer() throws InterruptedException {
            Tenant t = Api.tenant();
            String username = Api.accountName(t, "scrutineer");
            String token = Api.login(t.code(), username, Api.PASSWORD);
            String id = Api.as(token).get("/api/v1/me").then().statusCode(200).extract().path("accountId");
            Thread.sleep(1100); // tokens are stamped to the second: a change comes in a later second than the login
            return new SignedIn(t, username, token, id);
        }
    }

    @Test
    void aPasswordChangeRevokesTheTokensIssuedBeforeIt() throws InterruptedException {
        SignedIn s = SignedIn.scrutineer();
        Tenant t = s.tenant();
        String username = s.username();
        String old = s.token();
        String id = s.id();
        t.as().body(Map.of("password", "a-new-password-9")).patch("/api/v1/congresses/" + t.congressId() + "/accounts/" + id)
                .then().statusCode(200);
        refused(old);
        String fresh = Api.login(t.code(), username, "a-new-password-9");
        Api.as(fresh).get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void aRoleChangedInTheDatabaseRevokesTheTokensIssuedBeforeItOnEveryReplica() throws Exception {
        SignedIn s = SignedIn.scrutineer();
        String old = s.token();
        String id = s.id();
        // by hand, as another replica or an operator would: this replica hears of it only through the database
        try (Connection app = DriverManager.getConnection(Api.config("quarkus.datasource.jdbc.url"), "minsheng_app", "minsheng_app")) {
            app.createStatement().executeUpdate("UPDATE account SET role = 'department', department = '县教育局' WHERE id = '" + id + "'");
        }
        long deadline = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < deadline
                && given().header("Authorization", "Bearer " + old).get("/api/v1/me").statusCode() == 200) {
            Thread.sleep(50);
        }
        refused(old);
    }
}
