package cn.minsheng.ballot.account;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import cn.minsheng.ballot.common.TooManyRequestsException;

/**
 * Counts failed logins per account name and per client address in the database, so a lockout
 * holds on every replica. A locked key answers 429 with Retry-After until the lock expires.
 */
@ApplicationScoped
public class LoginThrottle {

    @Inject
    EntityManager em;

    @Inject
    AccountConfig.Login config;

    static String accountKey(String congressCode, String username) {
        return "account:" + (congressCode == null ? "" : congressCode.toLowerCase()) + "/" + username.toLowerCase();
    }

    static String addressKey(String address) {
        return "address:" + address;
    }

    /** Refuses with 429 when any of the keys is locked now. */
    void checkNotLocked(Instant now, String... keys) {
        @SuppressWarnings("unchecked")
        List<Instant> locks = em.createNativeQuery(
                "SELECT locked_until FROM login_throttle WHERE key IN (:keys) AND locked_until > :now", Instant.class)
                .setParameter("keys", List.of(keys)).setParameter("now", now).getResultList();
        locks.stream().max(Instant::compareTo).ifPresent(until -> {
            throw new TooManyRequestsException("LOGIN_LOCKED", Duration.between(now, until).toSeconds() + 1);
        });
    }

    void recordFailure(Instant now, String accountKey, String addressKey) {
        bump(now, accountKey, config.maxFailures());
        bump(now, addressKey, config.addressMaxFailures());
    }

    void recordSuccess(String accountKey) {
        em.createNativeQuery("DELETE FROM login_throttle WHERE key = :key").setParameter("key", accountKey).executeUpdate();
    }

    /** One statement, so concurrent failures on two replicas both count. */
    private void bump(Instant now, String key, int max) {
        em.createNativeQuery("""
                INSERT INTO login_throttle AS t (key, failures, window_starts_at, locked_until)
                VALUES (:key, 1, :now, CASE WHEN :max <= 1 THEN CAST(:until AS timestamptz) END)
                ON CONFLICT (key) DO UPDATE SET
                  failures = CASE WHEN t.window_starts_at < :windowStart THEN 1 ELSE t.failures + 1 END,
                  window_starts_at = CASE WHEN t.window_starts_at < :windowStart THEN :now ELSE t.window_starts_at END,
                  locked_until = CASE
                    WHEN (CASE WHEN t.window_starts_at < :windowStart THEN 1 ELSE t.failures + 1 END) >= :max
                    THEN CAST(:until AS timestamptz) ELSE t.locked_until END
                """)
                .setParameter("key", key).setParameter("now", now).setParameter("max", max)
                .setParameter("until", now.plus(config.lockout())).setParameter("windowStart", now.minus(config.failureWindow()))
                .executeUpdate();
    }
}
