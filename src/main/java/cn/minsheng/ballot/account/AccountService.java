package cn.minsheng.ballot.account;

import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.minsheng.ballot.audit.AuditLog;
import cn.minsheng.ballot.common.ApiException;
import cn.minsheng.ballot.common.Caller;
import cn.minsheng.ballot.common.Filter;
import cn.minsheng.ballot.common.Page;
import cn.minsheng.ballot.common.PageRequest;
import cn.minsheng.ballot.common.Role;
import cn.minsheng.ballot.common.Tenants;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
@Transactional
public class AccountService {

    public record AccountView(String id, String congressId, String username, Role role, @Schema(nullable = true) String displayName,
            @Schema(nullable = true) String deputyId, @Schema(nullable = true) String department, boolean enabled, Instant createdAt) {
        static AccountView of(Account a) {
            return new AccountView(a.id.toString(), a.congressId == null ? null : a.congressId.toString(), a.username,
                    a.role, a.displayName, a.deputyId == null ? null : a.deputyId.toString(), a.department, a.enabled,
                    a.createdAt);
        }
    }

    public record NewAccount(String username, String password, Role role, String displayName, UUID deputyId,
            String department) {
        public NewAccount(String username, String password, Role role, String displayName, UUID deputyId) {
            this(username, password, role, displayName, deputyId, null);
        }
    }

    @Inject
    Caller caller;

    @Inject
    PasswordHasher hasher;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    AccountStatus status;

    @Inject
    Tenants tenants;

    public AccountView create(UUID pathCongressId, NewAccount request) {
        UUID congressId = caller.congress(pathCongressId);
        if (!tenants.exists(congressId)) {
            throw ApiException.notFound("congress");
        }
        if (request.role() == Role.ADMIN) {
            throw ApiException.badRequest("ROLE_NOT_ALLOWED", request.role().value());
        }
        return AccountView.of(persist(congressId, request, hasher.hash(request.password())));
    }

    /**
     * Stores an account whose password is already hashed (imports hash in parallel first).
     * A deputy login must name a deputy of the same congress.
     */
    public Account persist(UUID congressId, NewAccount request, String passwordHash) {
        if (request.deputyId() != null || request.role() == Role.DEPUTY) {
            boolean deputyOfCongress = request.deputyId() != null
                    && tenants.hasDeputy(congressId, request.deputyId());
            if (!deputyOfCongress) {
                throw ApiException.badRequest("DEPUTY_REQUIRED");
            }
        }
        Instant now = clock.instant();
        Account a = new Account();
        a.congressId = congressId;
        a.username = request.username();
        a.passwordHash = passwordHash;
        a.role = request.role();
        a.displayName = request.displayName();
        a.deputyId = request.deputyId();
        a.department = request.role() == Role.DEPARTMENT ? request.department() : null;
        a.enabled = true;
        a.createdAt = now;
        a.updatedAt = now;
        a.persistAndFlush();
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("username", a.username);
        details.put("role", a.role.value());
        if (a.deputyId != null) {
            details.put("deputyId", a.deputyId.toString());
        }
        audit.append(congressId, "account.created", "account", a.id, details);
        return a;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AccountView get(UUID pathCongressId, UUID accountId) {
        return AccountView.of(find(caller.congress(pathCongressId), accountId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<AccountView> list(UUID pathCongressId, Role role, Boolean enabled, PageRequest page) {
        UUID congressId = caller.congress(pathCongressId);
        Filter f = Filter.where("congressId = :c", "c", congressId).and("role = :role", "role", role)
                .and("enabled = :enabled", "enabled", enabled);
        return Page.of(Account.find(f.query(), Sort.by("username"), f.params()), page, AccountView::of);
    }

    public AccountView update(UUID pathCongressId, UUID accountId, String displayName, Boolean enabled, String password) {
        Account a = find(caller.congress(pathCongressId), accountId);
        Map<String, Object> details = new LinkedHashMap<>();
        if (displayName != null) {
            a.displayName = displayName;
            details.put("displayName", displayName);
        }
        if (enabled != null) {
            a.enabled = enabled;
            details.put("enabled", enabled);
            status.forget(a.id); // the other replicas hear of it from the trigger when this commits
        }
        if (password != null) {
            a.passwordHash = hasher.hash(password);
            details.put("passwordReset", true);
            status.forget(a.id); // earlier tokens are revoked (V10_1); the others hear of it from the trigger
        }
        a.updatedAt = clock.instant();
        audit.append(a.congressId, "account.updated", "account", a.id, details);
        return AccountView.of(a);
    }

    private static Account find(UUID congressId, UUID accountId) {
        return Account.<Account>find("id = ?1 and congressId = ?2", accountId, congressId).firstResultOptional()
                .orElseThrow(() -> ApiException.notFound("account"));
    }
}
