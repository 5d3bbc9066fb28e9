package cn.minsheng.ballot.live;

import java.sql.Connection;
import java.sql.Statement;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;
import org.eclipse.microprofile.health.Readiness;

import io.quarkus.scheduler.Scheduled;

/**
 * Readiness that answers fast and tells the truth: the database is asked on a connection of its own
 * with short timeouts (never by waiting in the pool's queue, which only says the pool is busy), and
 * the database listener (live turnout, other replicas' account changes) must be listening. A
 * listener thread that died is started again every 5 s; liveness fails when the scheduler itself
 * stopped ticking, so the platform restarts the process.
 */
public class BackgroundWatch {

    /** Last tick of the scheduler, epoch millis. */
    static final AtomicLong lastTick = new AtomicLong(System.currentTimeMillis());

    @ApplicationScoped
    public static class Ticks {

        @Inject
        TurnoutListener listener;

        @Scheduled(every = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
        void tick() {
            lastTick.set(System.currentTimeMillis());
            listener.ensureRunning();
        }
    }

    @Readiness
    @ApplicationScoped
    public static class Ready implements HealthCheck {

        @Inject
        DirectConnections connections;

        @Inject
        TurnoutListener listener;

        @Override
        public HealthCheckResponse call() {
            boolean hearing = listener.hearing(); // as found: a dead listener is reported, then started again
            listener.ensureRunning();
            String database = database();
            return HealthCheckResponse.named("Database and listener").status(database == null && hearing)
                    .withData("database", database == null ? "UP" : database)
                    .withData("listener", hearing ? "UP" : "DOWN").build();
        }

        /** null when the database answers, else why not */
        private String database() {
            try (Connection c = connections.open(Map.of("connectTimeout", "2", "socketTimeout", "2", "loginTimeout", "2"));
                    Statement s = c.createStatement()) {
                s.execute("SELECT 1");
                return null;
            } catch (Exception e) {
                return String.valueOf(e.getMessage());
            }
        }
    }

    @Liveness
    @ApplicationScoped
    public static class Alive implements HealthCheck {

        @Override
        public HealthCheckResponse call() {
            long silent = System.currentTimeMillis() - lastTick.get();
            return HealthCheckResponse.named("scheduler").status(silent < 60_000).withData("lastTickMillisAgo", silent).build();
        }
    }
}
