package cn.minsheng.ballot.congress;

import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import cn.minsheng.ballot.account.Account;
import cn.minsheng.ballot.account.AccountService;
import cn.minsheng.ballot.common.Caller;
import cn.minsheng.ballot.account.PasswordHasher;
import cn.minsheng.ballot.common.Role;
import cn.minsheng.ballot.audit.AuditLog;
import cn.minsheng.ballot.common.ApiException;

/**
 * Printable login slips: each chosen deputy gets a new one-time password (a login named after their
 * roster code is created if they have none), and the slips carry it, once, on paper. Passwords are
 * never stored in clear, so a lost slip is replaced by printing a new one, which makes the old one
 * useless. Terminated deputies get no slip.
 */
@ApplicationScoped
@Transactional
public class LoginSlipService {

    public record Slip(String congressName, String congressCode, String deputyName, String deputyCode, String delegation,
            String username, String password) {
    }

    @Inject
    Caller caller;

    @Inject
    AccountService accounts;

    @Inject
    PasswordHasher hasher;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** Slips for the given deputies, or for every deputy not terminated when none are given. */
    public List<Slip> issue(UUID pathCongressId, List<UUID> deputyIds) {
        UUID congressId = caller.congress(pathCongressId);
        Congress congress = Congress.<Congress>findByIdOptional(congressId).orElseThrow(() -> ApiException.notFound("congress"));
        List<Deputy> chosen;
        if (deputyIds == null || deputyIds.isEmpty()) {
            chosen = Deputy.list("congressId = ?1 and status <> ?2 order by delegation, code", congressId, DeputyStatus.TERMINATED);
        } else {
            chosen = new ArrayList<>();
            for (UUID id : new HashSet<>(deputyIds)) {
                Deputy d = Deputy.<Deputy>findByIdOptional(id).filter(x -> x.congressId.equals(congressId))
                        .orElseThrow(() -> ApiException.notFound("deputy"));
                if (d.status != DeputyStatus.TERMINATED) {
                    chosen.add(d);
                }
            }
            chosen.sort(java.util.Comparator.comparing((Deputy d) -> d.delegation == null ? "" : d.delegation)
                    .thenComparing(d -> d.code));
        }
        List<String> passwords = chosen.stream().map(d -> DeputyService.randomPassword()).toList();
        List<String> hashes = passwords.parallelStream().map(hasher::hash).toList();
        List<Slip> slips = new ArrayList<>();
        for (int i = 0; i < chosen.size(); i++) {
            Deputy d = chosen.get(i);
            Account a = Account.<Account>find("congressId = ?1 and deputyId = ?2 and role = ?3", congressId, d.id, Role.DEPUTY)
                    .firstResultOptional().orElse(null);
            if (a == null) {
                a = accounts.persist(congressId, new AccountService.NewAccount(d.code, passwords.get(i), Role.DEPUTY, d.name, d.id),
                        hashes.get(i));
            } else {
                a.passwordHash = hashes.get(i);
                a.updatedAt = clock.instant();
            }
            slips.add(new Slip(congress.name, congress.code, d.name, d.code, d.delegation, a.username, passwords.get(i)));
        }
        audit.append(congressId, "deputy.login-slips", "congress", congressId, Map.of("deputies", slips.size()));
        return slips;
    }
}
