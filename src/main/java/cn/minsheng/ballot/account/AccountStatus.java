package cn.minsheng.ballot.account;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.agroal.api.AgroalDataSource;

import cn.minsheng.ballot.live.Listening;
import cn.minsheng.ballot.live.Notice;

/**
 * Whether an account is enabled, answered from memory while this replica hears the database's
 * notifications of account changes (trigger account_status_changed, V8), and from the database
 * otherwise. The listener calls {@link #listening} when it starts or stops hearing: a replica that
 * may have missed a notification forgets everything it knew.
 */
@ApplicationScoped
public class AccountStatus {

    private static final int MOST = 200_000;
    /** the channel the account trigger notifies (V8) */
    static final String CHANNEL = "account";

    private final Map<UUID, Boolean> known = new ConcurrentHashMap<>();
    /** bumped by every forget: a lookup that overlapped one does not store what it read */
    private final AtomicLong generation = new AtomicLong();
    private volatile boolean listening;

    @Inject
    AgroalDataSource dataSource;

    /** What memory knows of the account, or null (then ask {@link #isEnabled}, which may block). */
    public Boolean known(UUID id) {
        return listening ? known.get(id) : null;
    }

    public boolean isEnabled(UUID id) {
        if (listening) {
            Boolean enabled = known.get(id);
            if (enabled != null) {
                return enabled;
            }
        }
        long before = generation.get();
        boolean enabled = load(id);
        if (listening && generation.get() == before) {
            if (known.size() >= MOST) {
                known.clear();
            }
            known.put(id, enabled);
        }
        return enabled;
    }

    /** An account changed (a notification, or this replica's own change). */
    public void forget(UUID id) {
        generation.incrementAndGet();
        known.remove(id);
    }

    /** Whether notifications are being heard; either way, what was known before is dropped. */
    public void listening(boolean now) {
        generation.incrementAndGet();
        listening = now;
        known.clear();
    }

    /** The listener heard the 'account' channel: that account was enabled, disabled or removed. */
    void heard(@Observes Notice notice) {
        if (CHANNEL.equals(notice.channel())) {
            forget(UUID.fromString(notice.payload()));
        }
    }

    void heard(@Observes Listening now) {
        listening(now.up());
    }

    private boolean load(UUID id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("SELECT enabled FROM account WHERE id = ?")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("account lookup failed", e);
        }
    }
}
