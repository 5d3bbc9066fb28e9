package cn.minsheng.ballot.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

import jakarta.inject.Inject;

import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import io.quarkus.test.junit.QuarkusTest;

/** The service's clock in tests is the {@link TestClock}, it moves when a test advances it, and is back at the system's time in the next test. */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class TestClockTest {

    @Inject
    Clock serverClock;

    @Inject
    TestClock clock;

    @Test
    @Order(1)
    void theServiceReadsTheTestClockAndItMovesWhenAdvanced() {
        assertSame(clock, serverClock, "the services' Clock is the test clock");
        clock.advance(Duration.ofDays(3));
        Duration ahead = Duration.between(Instant.now(), serverClock.instant());
        assertTrue(ahead.compareTo(Duration.ofDays(3).minusMinutes(1)) > 0 && ahead.compareTo(Duration.ofDays(3).plusMinutes(1)) < 0,
                "ahead by " + ahead);
        Duration zoned = Duration.between(Instant.now(), serverClock.withZone(java.time.ZoneId.of("Asia/Shanghai")).instant());
        assertTrue(zoned.compareTo(Duration.ofDays(2)) > 0, "a zoned view of the clock moves with it: " + zoned);
    }

    @Test
    @Order(2)
    void theNextTestSeesTheSystemsTimeAgain() {
        assertEquals(Duration.ZERO, clock.offset());
        assertTrue(Duration.between(Instant.now(), serverClock.instant()).abs().compareTo(Duration.ofMinutes(1)) < 0);
    }
}
