package cn.minsheng.ballot.hardening;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.minsheng.ballot.support.Api;
import cn.minsheng.ballot.support.Api.Hall;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** Issue 17, item 16: anyone can lock a deputy out; the secretariat sees it, lifts it and checks the deputy in. */
@QuarkusTest
class LockoutTest {

    private static int login(String code, String username, String password, String from) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", from)
                .body(Map.of("congressCode", code, "username", username, "password", password)).post("/api/v1/auth/login")
                .statusCode();
    }

    @Test
    void theSecretariatSeesAndLiftsALockoutAndChecksTheDeputyIn() {
        Hall hall = Api.hall(2, 0);
        var t = hall.tenant();
        String username = hall.usernames().get(0);
        String deputyId = hall.deputyIds().get(0);
        String accountId = Api.as(hall.deputy(0)).get("/api/v1/me").then().statusCode(200).extract().path("accountId");
        // a prankster at another address tries five wrong passwords
        for (int i = 0; i < 5; i++) {
            login(t.code(), username, "wrong-" + i, "203.0.113.9");
        }
        // the test profile locks for 2 s; hold it as production's 15 minutes would
        try (java.sql.Connection app = java.sql.DriverManager.getConnection(Api.config("quarkus.datasource.jdbc.url"),
                "minsheng_app", "minsheng_app")) {
            app.createStatement().executeUpdate("UPDATE login_throttle SET locked_until = now() + interval '15 minutes' "
                    + "WHERE key = 'account:" + t.code().toLowerCase() + "/" + username.toLowerCase() + "' AND locked_until IS NOT NULL");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
        org.junit.jupiter.api.Assertions.assertEquals(429, login(t.code(), username, hall.passwords().get(0), "198.51.100.7"));
        String lockout = "/api/v1/congresses/" + t.congressId() + "/accounts/" + accountId + "/lockout";
        t.as().get(lockout).then().statusCode(200).body("locked", equalTo(true)).body("lockedUntil", notNullValue());
        Api.as(hall.deputy(1)).get(lockout).then().statusCode(403);

        // the deputy is checked in by the secretariat meanwhile
        t.as().body(Map.of("deputyId", deputyId, "state", "PRESENT")).post("/api/v1/sessions/" + hall.sessionId() + "/attendance")
                .then().statusCode(200).body("present", equalTo(1));

        t.as().delete(lockout).then().statusCode(200).body("locked", equalTo(false));
        org.junit.jupiter.api.Assertions.assertEquals(200, login(t.code(), username, hall.passwords().get(0), "198.51.100.7"));
        t.as().get("/api/v1/congresses/" + t.congressId() + "/audit?size=100").then().statusCode(200)
                .body("items.action", org.hamcrest.Matchers.hasItem("account.lockout.lifted"));
    }
}
