package cn.minsheng.ballot.hardening;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * Issue 17, item 1: an OutOfMemoryError killed the database listener and health stayed UP. A
 * listener thread that dies is reported by readiness and started again.
 */
@QuarkusTest
class ListenerRestartTest {

    private static Thread listener() {
        return Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("turnout-listener") && t.isAlive())
                .findFirst().orElseThrow();
    }

    @Test
    @SuppressWarnings({ "deprecation", "removal" })
    void aDeadListenerIsReportedByReadinessAndStartedAgain() throws Exception {
        given().get("/q/health/ready").then().statusCode(200);
        Thread first = listener();
        // Errors thrown into the thread (as an OutOfMemoryError would be): one inside the listening loop is
        // survived, one that lands in the back-off pause after it ends the thread; keep throwing until it is dead
        for (int i = 0; i < 100 && first.isAlive(); i++) {
            first.stop();
            first.join(100);
        }
        assertFalse(first.isAlive());
        Response found = given().get("/q/health/ready");
        assertEquals(503, found.statusCode(), found.asString());
        assertEquals("DOWN", found.path("checks[0].data.listener"));
        long deadline = System.nanoTime() + Duration.ofSeconds(20).toNanos();
        int status = 0;
        while (System.nanoTime() < deadline && (status = given().get("/q/health/ready").statusCode()) != 200) {
            Thread.sleep(100);
        }
        assertEquals(200, status, "ready again once a new listener hears");
        assertTrue(listener() != first);
    }
}
