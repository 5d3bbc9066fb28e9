package cn.minsheng.ballot.live;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * LISTENs on a connection of its own and fires each notification as a {@link Notice} at once (the
 * account package drops a remembered account status on 'account'), and {@link Listening} when the
 * connection comes up or goes down. The topics notified on 'turnout' are also handed to the hub at
 * most every {@code minsheng.live.interval} (500 ms), together with the changes the probes find
 * (casts are not notified, see {@link TurnoutHub}), so a burst of thousands of casts costs a
 * handful of recomputations per stream and second. A ping every 5 s with a 10 s socket timeout finds
 * a connection that went silent.
 */
@ApplicationScoped
public class TurnoutListener {

    private static final Logger LOG = Logger.getLogger(TurnoutListener.class);
    /** the longest a notification waits to be read */
    private static final int POLL_MILLIS = 200;
    private static final long PING_NANOS = 5_000_000_000L;
    /** the channel whose topics feed the streams (see common.LiveChanges) */
    static final String TURNOUT = "turnout";

    @Inject
    DirectConnections connections;

    /** How often the streams are brought up to date, at most (README, Performance: the trade-off measured). */
    @Inject
    LiveConfig config;

    @Inject
    TurnoutHub hub;

    @Inject
    Event<Notice> notices;

    @Inject
    Event<Listening> listening;

    private volatile boolean running;
    private volatile boolean hearing;
    private Thread thread;

    void start(@Observes StartupEvent event) {
        running = true;
        ensureRunning();
    }

    /** Starts the listening thread again if it died (BackgroundWatch calls this every few seconds). */
    public synchronized boolean ensureRunning() {
        if (!running || (thread != null && thread.isAlive())) {
            return false;
        }
        if (thread != null) {
            LOG.error("turnout listener thread had died; starting it again");
        }
        thread = new Thread(this::run, "turnout-listener");
        thread.setDaemon(true);
        thread.start();
        return true;
    }

    /** Whether the thread is alive and listening (readiness reports it). */
    public boolean hearing() {
        return hearing && thread != null && thread.isAlive();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        if (thread != null) {
            thread.interrupt();
        }
    }

    private void run() {
        while (running) {
            // a connection gone silent fails within seconds
            try (Connection c = connections.open(java.util.Map.of("socketTimeout", "10"))) {
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN " + TURNOUT);
                    s.execute("LISTEN account");
                }
                listening.fire(new Listening(true));
                hearing = true;
                PGConnection pg = c.unwrap(PGConnection.class);
                Set<String> changed = new HashSet<>();
                long lastPublish = 0;
                long lastPing = System.nanoTime();
                while (running) {
                    if (System.nanoTime() - lastPing > PING_NANOS) {
                        try (Statement s = c.createStatement()) {
                            s.execute("SELECT 1"); // notifications only come to a live connection: prove it is
                        }
                        lastPing = System.nanoTime();
                    }
                    PGNotification[] notes = pg.getNotifications((int) Math.max(1, Math.min(POLL_MILLIS, config.interval().toMillis())));
                    for (PGNotification n : notes == null ? new PGNotification[0] : notes) {
                        if (n.getName().equals(TURNOUT)) {
                            changed.add(n.getParameter());
                        }
                        notices.fire(new Notice(n.getName(), n.getParameter()));
                    }
                    long now = System.nanoTime();
                    if (now - lastPublish >= config.interval().toNanos()) {
                        changed.addAll(hub.unnotified());
                        if (hub.hasSubscribers() && !changed.isEmpty()) {
                            hub.publish(Set.copyOf(changed));
                        }
                        changed.clear();
                        lastPublish = now;
                    }
                }
            } catch (SQLException | RuntimeException | Error e) {
                // an Error too (OutOfMemoryError): the thread lives on, or BackgroundWatch starts it again
                hearing = false;
                listening.fire(new Listening(false)); // deaf: account checks go to the database until it hears again
                if (running) {
                    LOG.warnf("turnout listener lost its connection (%s); reconnecting", e.getMessage());
                    sleep(1000);
                }
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
