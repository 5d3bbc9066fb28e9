package cn.minsheng.ballot.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PlatformTest {

    @Test
    void livenessAndReadinessIncludingTheDatabase() {
        given().get("/q/health/live").then().statusCode(200).body("status", equalTo("UP"));
        given().get("/q/health/ready").then().statusCode(200).body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Database")));
    }

    @Test
    void prometheusMetricsForTheAdminOnly() {
        given().get("/api/v1/me").then().statusCode(401);
        given().header("Authorization", "Bearer " + cn.minsheng.ballot.support.Api.admin()).get("/q/metrics").then()
                .statusCode(200).body(containsString("http_server_requests_seconds_count"));
        given().get("/q/metrics").then().statusCode(401);
    }

    @Test
    void theContractIsServedWithTheStableOperationIds() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/auth/login'.post.operationId", equalTo("login"))
                .body("paths.'/api/v1/congresses/{congressId}/deputies/import'.post.operationId", equalTo("importDeputies"));
    }
}
