package cn.minsheng.ballot.hardening;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Issue 17, item 1: an OutOfMemoryError killed the database listener and health stayed UP. A
 * listener hit by errors is reported by readiness while it is deaf, and hears again (the thread
 * survives an Error; BackgroundWatch starts a new one if it dies).
 */
@QuarkusTest
class ListenerRestartTest {

    private static Thread listener() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("turnout-listener") && t.isAlive())
                .findFirst().orElseThrow();
    }

    @Test
    @SuppressWarnings({ "deprecation", "removal" })
    void aListenerHitByErrorsIsReportedByReadinessAndHearsAgain() throws Exception {
        given().get("/q/health/ready").then().statusCode(200);
        Thread first = listener();
        // Errors thrown into the thread, as an OutOfMemoryError would be: while they keep coming the
        // listener is deaf, and readiness must say so instead of staying UP
        boolean reportedDown = false;
        long until = System.nanoTime() + Duration.ofSeconds(10).toNanos();
        while (System.nanoTime() < until && !reportedDown) {
            if (first.isAlive()) {
                first.stop();
            }
            Response r = given().get("/q/health/ready");
            reportedDown = r.statusCode() == 503 && "DOWN".equals(r.path("checks.find { it.data?.listener != null }.data.listener"));
        }
        assertTrue(reportedDown, "readiness reported the deaf listener");
        // then ready again: the thread survived the errors, or the watch started a new one
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        int status = 0;
        while (System.nanoTime() < deadline && (status = given().get("/q/health/ready").statusCode()) != 200) {
            Thread.sleep(100);
        }
        assertEquals(200, status, "ready again once the listener hears");
        assertTrue(listener().isAlive());
    }
}
