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
 * Whether an account is enabled (and, for a deputy's, the deputy in office: neither SUSPENDED nor
 * TERMINATED), and from which second its tokens are valid (a password or role change revokes the
 * tokens issued before it: V10_1), answered from memory while this replica hears the database's
 * notifications of account changes (trigger account_status_changed, V8), and from the database
 * otherwise. The listener calls {@link #listening} when it starts or stops hearing: a replica that
 * may have missed a notification forgets everything it knew.
 */
@ApplicationScoped
public class AccountStatus {

    private static final int MOST = 200_000;
    /** the channel the account trigger notifies (V8) */
    static final String CHANNEL = "account";

    private final Map<UUID, Long> known = new ConcurrentHashMap<>();
    /** bumped by every forget: a lookup that overlapped one does not store what it read */
    private final AtomicLong generation = new AtomicLong();
    private volatile boolean listening;

    @Inject
    AgroalDataSource dataSource;

    /** Tokens of a disabled or removed account are valid from never. */
    public static final long NEVER = Long.MAX_VALUE;

    /**
     * What memory knows of the account: the epoch second from which its tokens are valid
     * ({@link #NEVER} when disabled or removed), or null (then ask {@link #validFrom}, which may block).
     */
    public Long known(UUID id) {
        return listening ? known.get(id) : null;
    }

    public boolean isEnabled(UUID id) {
        return validFrom(id) != NEVER;
    }

    /** The epoch second from which the account's tokens are valid, {@link #NEVER} when disabled or removed. */
    public long validFrom(UUID id) {
        if (listening) {
            Long from = known.get(id);
            if (from != null) {
                return from;
            }
        }
        long before = generation.get();
        long enabled = load(id);
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

    private long load(UUID id) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement ps = c.prepareStatement("""
                        SELECT a.enabled AND (d.id IS NULL OR d.status = 'SEATED'),
                               CASE WHEN a.tokens_valid_from = '-infinity' THEN 0
                                    ELSE floor(extract(epoch FROM a.tokens_valid_from))::bigint END
                        FROM account a LEFT JOIN deputy d ON d.id = a.deputy_id WHERE a.id = ?""")) {
            ps.setObject(1, id);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() && rs.getBoolean(1) ? rs.getLong(2) : NEVER;
            }
        } catch (SQLException e) {
            // the per-request account check answers like every other database failure: 503 when transient
            if (cn.minsheng.ballot.common.DatabaseFailures.isTransient(e)) {
                throw new cn.minsheng.ballot.common.ServiceUnavailableException();
            }
            throw new cn.minsheng.ballot.common.DatabaseFailures.Wrapped(e);
        }
    }
}
