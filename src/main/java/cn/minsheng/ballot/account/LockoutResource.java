package cn.minsheng.ballot.account;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import cn.minsheng.ballot.audit.AuditLog;
import cn.minsheng.ballot.common.ApiException;
import cn.minsheng.ballot.common.Caller;
import cn.minsheng.ballot.common.Role;
import cn.minsheng.ballot.common.Tenants;

/**
 * Five wrong passwords lock an account name for a while (by design, on every replica), so anyone
 * can lock a deputy out on session day. The secretariat sees the lockout and lifts it; a deputy who
 * still cannot sign in is checked in by the secretariat (checkIn with their deputyId) and votes on
 * paper or on a tablet once the lock is lifted.
 */
@Path("/api/v1/congresses/{congressId}/accounts/{accountId}/lockout")
@Tag(name = "accounts")
@Produces(MediaType.APPLICATION_JSON)
@RolesAllowed({ Role.ADMIN_NAME, Role.SECRETARIAT_NAME })
public class LockoutResource {

    /** {@code lockedUntil} is null when the account name is not locked now. */
    public record Lockout(String accountId, String username, boolean locked,
            @org.eclipse.microprofile.openapi.annotations.media.Schema(nullable = true) Instant lockedUntil, int recentFailures) {
    }

    @Inject
    Caller caller;

    @Inject
    EntityManager em;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @GET
    @Transactional
    @Operation(operationId = "getLockout", summary = "Whether the account's name is locked by failed logins, and until when")
    public Lockout get(@PathParam("congressId") UUID congressId, @PathParam("accountId") UUID accountId) {
        Account a = find(congressId, accountId);
        return lockout(a);
    }

    @DELETE
    @Transactional
    @Operation(operationId = "liftLockout", summary = "Lift the lockout of an account's name (its failed logins are forgotten)",
            description = "For a deputy locked out by someone else's wrong passwords. The address lock of the hall is not lifted. Audited.")
    public Lockout lift(@PathParam("congressId") UUID congressId, @PathParam("accountId") UUID accountId) {
        Account a = find(congressId, accountId);
        Lockout before = lockout(a);
        em.createNativeQuery("DELETE FROM login_throttle WHERE key = :k").setParameter("k", key(a)).executeUpdate();
        audit.append(a.congressId, "account.lockout.lifted", "account", a.id,
                Map.of("wasLocked", before.locked()));
        return lockout(a);
    }

    private Lockout lockout(Account a) {
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("SELECT failures, locked_until FROM login_throttle WHERE key = :k")
                .setParameter("k", key(a)).getResultList();
        Instant now = clock.instant();
        if (rows.isEmpty()) {
            return new Lockout(a.id.toString(), a.username, false, null, 0);
        }
        Instant until = rows.get(0)[1] == null ? null : toInstant(rows.get(0)[1]);
        boolean locked = until != null && until.isAfter(now);
        return new Lockout(a.id.toString(), a.username, locked, locked ? until : null, ((Number) rows.get(0)[0]).intValue());
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant i) {
            return i;
        }
        if (value instanceof java.time.OffsetDateTime o) {
            return o.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }

    @Inject
    Tenants tenants;

    private String key(Account a) {
        return LoginThrottle.accountKey(tenants.codeOf(a.congressId).orElse(null), a.username);
    }

    private Account find(UUID pathCongressId, UUID accountId) {
        UUID congressId = caller.congress(pathCongressId);
        return Account.<Account>find("id = ?1 and congressId = ?2", accountId, congressId).firstResultOptional()
                .orElseThrow(() -> ApiException.notFound("account"));
    }
}
