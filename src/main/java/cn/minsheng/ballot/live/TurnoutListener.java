package cn.minsheng.ballot.live;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;
import org.postgresql.PGConnection;
import org.postgresql.PGNotification;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;

/**
 * LISTENs on a connection of its own. 'turnout': hands changes to the hub at most every
 * {@code minsheng.live.interval} (500 ms),
 * together with the followed ballots that have new casts (casts are not notified, see
 * {@link TurnoutHub}), so a burst of thousands of casts costs a handful of recomputations per
 * ballot and second. 'account': an account was enabled, disabled or removed; its remembered status
 * is dropped at once. While the connection is down, accounts are checked in the database; a ping
 * every 5 s with a 10 s socket timeout finds a connection that went silent.
 */
@ApplicationScoped
public class TurnoutListener {

    private static final Logger LOG = Logger.getLogger(TurnoutListener.class);
    /** the longest a notification waits to be read */
    private static final int POLL_MILLIS = 200;
    private static final long PING_NANOS = 5_000_000_000L;

    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String url;

    @ConfigProperty(name = "quarkus.datasource.username")
    String username;

    @ConfigProperty(name = "quarkus.datasource.password")
    String password;

    /** How often the streams are brought up to date, at most (README, Performance: the trade-off measured). */
    @ConfigProperty(name = "minsheng.live.interval", defaultValue = "PT0.5S")
    java.time.Duration interval;

    @Inject
    TurnoutHub hub;

    @Inject
    cn.minsheng.ballot.account.AccountStatus accounts;

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
            java.util.Properties props = new java.util.Properties();
            props.setProperty("user", username);
            props.setProperty("password", password);
            props.setProperty("socketTimeout", "10"); // a connection gone silent fails within seconds
            try (Connection c = DriverManager.getConnection(url, props)) {
                try (Statement s = c.createStatement()) {
                    s.execute("LISTEN turnout");
                    s.execute("LISTEN account");
                }
                accounts.listening(true);
                hearing = true;
                PGConnection pg = c.unwrap(PGConnection.class);
                Set<UUID> ballots = new HashSet<>();
                Set<UUID> sessions = new HashSet<>();
                long lastPublish = 0;
                long lastPing = System.nanoTime();
                while (running) {
                    if (System.nanoTime() - lastPing > PING_NANOS) {
                        try (Statement s = c.createStatement()) {
                            s.execute("SELECT 1"); // notifications only come to a live connection: prove it is
                        }
                        lastPing = System.nanoTime();
                    }
                    PGNotification[] notes = pg.getNotifications((int) Math.max(1, Math.min(POLL_MILLIS, interval.toMillis())));
                    for (PGNotification n : notes == null ? new PGNotification[0] : notes) {
                        String p = n.getParameter();
                        if (n.getName().equals("account")) {
                            accounts.forget(UUID.fromString(p));
                        } else if (p.startsWith("ballot:")) {
                            ballots.add(UUID.fromString(p.substring(7)));
                        } else if (p.startsWith("session:")) {
                            sessions.add(UUID.fromString(p.substring(8)));
                        }
                    }
                    long now = System.nanoTime();
                    if (now - lastPublish >= interval.toNanos()) {
                        ballots.addAll(hub.ballotsWithNewCasts());
                        if (hub.hasSubscribers() && (!ballots.isEmpty() || !sessions.isEmpty())) {
                            hub.publish(Set.copyOf(ballots), Set.copyOf(sessions));
                        }
                        ballots.clear();
                        sessions.clear();
                        lastPublish = now;
                    }
                }
            } catch (SQLException | RuntimeException | Error e) {
                // an Error too (OutOfMemoryError): the thread lives on, or BackgroundWatch starts it again
                hearing = false;
                accounts.listening(false); // deaf: account checks go to the database until it hears again
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
