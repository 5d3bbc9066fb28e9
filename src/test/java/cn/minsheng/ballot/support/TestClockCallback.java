package cn.minsheng.ballot.support;

import io.quarkus.arc.Arc;
import io.quarkus.arc.InstanceHandle;
import io.quarkus.test.junit.callback.QuarkusTestAfterEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestBeforeEachCallback;
import io.quarkus.test.junit.callback.QuarkusTestMethodContext;

/** Registered in META-INF/services: every {@code @QuarkusTest} starts and ends with the {@link TestClock} at the system's time. */
public class TestClockCallback implements QuarkusTestBeforeEachCallback, QuarkusTestAfterEachCallback {

    @Override
    public void beforeEach(QuarkusTestMethodContext context) {
        reset();
    }

    @Override
    public void afterEach(QuarkusTestMethodContext context) {
        reset();
    }

    private static void reset() {
        if (Arc.container() == null) {
            return;
        }
        try (InstanceHandle<TestClock> clock = Arc.container().instance(TestClock.class)) {
            if (clock.isAvailable()) {
                clock.get().reset();
            }
        }
    }
}
