package cn.minsheng.ballot.hardening;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.minsheng.ballot.support.Api;
import cn.minsheng.ballot.support.Api.Tenant;
import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Issue 17, item 10: with every pooled connection taken, requests get 503 problem+json with
 * Retry-After (the per-request account check included), readiness still answers from the database,
 * and everything works again once connections come free.
 */
@QuarkusTest
class PoolExhaustionTest {

    @Inject
    AgroalDataSource pool;

    @Test
    void anExhaustedPoolAnswers503WithRetryAfterAndReadinessStillTellsTheTruth() throws Exception {
        Tenant t = Api.tenant();
        String c = "/api/v1/congresses/" + t.congressId();
        String unseen = Api.account(t, "scrutineer"); // its account has not been checked yet: that needs the database
        List<Connection> held = new ArrayList<>();
        try {
            while (true) {
                try {
                    held.add(pool.getConnection());
                } catch (SQLException exhausted) {
                    break;
                }
                assertTrue(held.size() < 500, "the pool never ran out");
            }
            for (Response r : List.of(t.as().get(c + "/deputies"), Api.as(unseen).get("/api/v1/me"),
                    given().get("/api/v1/public/categories").then().extract().response(),
                    given().get("/api/v1/public/congresses/" + t.code() + "/results"))) {
                if (r.statusCode() == 200) {
                    continue; // answered from memory, no database needed
                }
                assertEquals(503, r.statusCode(), r.asString());
                assertTrue(r.contentType().startsWith("application/problem+json"), r.contentType());
                assertEquals("DATABASE_UNAVAILABLE", r.path("code"));
                assertNotNull(r.header("Retry-After"));
            }
            // the account check itself must have answered 503, not 500 text/plain
            Api.as(unseen).get("/api/v1/me").then().statusCode(503).contentType("application/problem+json");
            // readiness asks the database on its own connection: the database is fine, only the pool is busy
            given().get("/q/health/ready").then().statusCode(200)
                    .body("checks.find { it.name == 'Database and listener' }.data.database", equalTo("UP"));
        } finally {
            for (Connection connection : held) {
                connection.close();
            }
        }
        t.as().get(c + "/deputies").then().statusCode(200);
        Api.as(unseen).get("/api/v1/me").then().statusCode(200);
    }
}
