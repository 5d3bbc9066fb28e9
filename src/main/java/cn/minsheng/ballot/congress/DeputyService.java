package cn.minsheng.ballot.congress;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.minsheng.ballot.account.Account;
import cn.minsheng.ballot.account.AccountService;
import cn.minsheng.ballot.common.Caller;
import cn.minsheng.ballot.account.PasswordHasher;
import cn.minsheng.ballot.common.Role;
import cn.minsheng.ballot.audit.AuditLog;
import cn.minsheng.ballot.common.ApiException;
import cn.minsheng.ballot.common.Filter;
import cn.minsheng.ballot.common.Page;
import cn.minsheng.ballot.common.PageRequest;
import io.quarkus.panache.common.Sort;

@ApplicationScoped
@Transactional
public class DeputyService {

    public record DeputyView(String id, String congressId, @Schema(nullable = true) String code, String name, @Schema(nullable = true) String delegation, @Schema(nullable = true) String district,
            DeputyStatus status, String statusLabel, Instant updatedAt) {
        static DeputyView of(Deputy d) {
            return new DeputyView(d.id.toString(), d.congressId.toString(), d.code, d.name, d.delegation, d.district,
                    d.status, d.status.label(), d.updatedAt);
        }
    }

    public record NewDeputy(String code, String name, String delegation, String district, DeputyStatus status,
            String username, String password) {
    }

    @Schema(name = "InitialLogin")
    public record Login(String deputyCode, String username, String initialPassword) {
    }

    public record ImportResult(int imported, List<Login> logins) {
    }

    private static final char[] PASSWORD_ALPHABET = "abcdefghjkmnpqrstuvwxyzACDEFGHJKLMNPQRSTUVWXYZ23456789".toCharArray();
    private static final SecureRandom RANDOM = new SecureRandom();

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

    public DeputyView create(UUID pathCongressId, NewDeputy request) {
        UUID congressId = congressOf(pathCongressId);
        Deputy d = newDeputy(congressId, request.code() == null ? generatedCode() : request.code(), request.name(),
                request.delegation(), request.district(), request.status() == null ? DeputyStatus.SEATED : request.status());
        d.persistAndFlush();
        audit.append(congressId, "deputy.created", "deputy", d.id, Map.of("code", d.code, "status", d.status));
        if (request.username() != null) {
            accounts.persist(congressId, new AccountService.NewAccount(request.username(), request.password(), Role.DEPUTY,
                    d.name, d.id), hasher.hash(request.password()));
        }
        return DeputyView.of(d);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public DeputyView get(UUID pathCongressId, UUID deputyId) {
        UUID congressId = caller.congress(pathCongressId);
        if (caller.is(Role.DEPUTY) && caller.deputyId().filter(deputyId::equals).isEmpty()) {
            throw ApiException.notFound("deputy");
        }
        return DeputyView.of(find(congressId, deputyId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Page<DeputyView> list(UUID pathCongressId, DeputyStatus status, String delegation, String district, String q,
            PageRequest page) {
        UUID congressId = caller.congress(pathCongressId);
        Filter f = Filter.where("congressId = :c", "c", congressId).and("status = :status", "status", status)
                .and("delegation = :delegation", "delegation", delegation).and("district = :district", "district", district)
                .contains("(name like :q or lower(code) like lower(:q))", "q", q);
        return Page.of(Deputy.find(f.query(), Sort.by("code"), f.params()), page, DeputyView::of);
    }

    public DeputyView update(UUID pathCongressId, UUID deputyId, String name, String delegation, String district,
            DeputyStatus status) {
        Deputy d = find(caller.congress(pathCongressId), deputyId);
        Map<String, Object> details = new LinkedHashMap<>();
        if (name != null) {
            d.name = name;
            details.put("name", name);
        }
        if (delegation != null) {
            d.delegation = delegation;
            details.put("delegation", delegation);
        }
        if (district != null) {
            d.district = district;
            details.put("district", district);
        }
        if (status != null) {
            details.put("status", status);
            details.put("previousStatus", d.status);
            d.status = status;
        }
        d.updatedAt = clock.instant();
        audit.append(d.congressId, "deputy.updated", "deputy", d.id, details);
        return DeputyView.of(d);
    }

    /**
     * All or nothing: the whole file is checked (cells, duplicates within the file and against the
     * roster) before a single row is written; any problem rejects the file with every row's errors.
     */
    public ImportResult importRoster(UUID pathCongressId, byte[] file, String mediaType, boolean createLogins, Locale locale) {
        UUID congressId = congressOf(pathCongressId);
        RosterFile roster = new RosterFile(locale);
        List<RosterFile.Entry> entries = roster.read(file, mediaType);
        checkAgainstRoster(congressId, entries, createLogins, roster);
        if (!roster.errors().isEmpty()) {
            throw new ApiException(ApiException.Kind.REJECTED, "IMPORT_REJECTED", roster.errors(), roster.errors().size());
        }
        List<Deputy> deputies = new ArrayList<>();
        for (RosterFile.Entry e : entries) {
            deputies.add(newDeputy(congressId, e.code(), e.name(), e.delegation(), e.district(), e.status()));
        }
        Deputy.persist(deputies);
        Deputy.flush();
        // written: let go of them, or every later flush of this transaction (each audit entry's
        // query flushes) would check thousands of unchanged rows again
        deputies.forEach(Deputy.getEntityManager()::detach);
        List<Login> logins = createLogins ? createLogins(congressId, deputies) : List.of();
        audit.append(congressId, "deputy.imported", "congress", congressId,
                Map.of("rows", deputies.size(), "logins", logins.size()));
        return new ImportResult(deputies.size(), logins);
    }

    private void checkAgainstRoster(UUID congressId, List<RosterFile.Entry> entries, boolean createLogins, RosterFile roster) {
        Set<String> existingCodes = new HashSet<>(Deputy.<Deputy>find("congressId", congressId).project(CodeOnly.class)
                .list().stream().map(c -> c.code().toLowerCase(Locale.ROOT)).toList());
        Set<String> existingUsernames = createLogins
                ? new HashSet<>(cn.minsheng.ballot.account.Account.<cn.minsheng.ballot.account.Account>find("congressId", congressId)
                        .project(UsernameOnly.class).list().stream().map(u -> u.username().toLowerCase(Locale.ROOT)).toList())
                : Set.of();
        for (RosterFile.Entry e : entries) {
            String code = e.code().toLowerCase(Locale.ROOT);
            if (existingCodes.contains(code)) {
                roster.error(e.row(), RosterFile.Column.CODE.label(), "import.exists");
            } else if (existingUsernames.contains(code)) {
                roster.error(e.row(), RosterFile.Column.CODE.label(), "USERNAME_TAKEN");
            }
        }
    }

    public record CodeOnly(String code) {
    }

    public record UsernameOnly(String username) {
    }

    /** Each deputy's username is their roster code; the one-time password is returned once, for printing. */
    private List<Login> createLogins(UUID congressId, List<Deputy> deputies) {
        List<String> passwords = deputies.stream().map(d -> randomPassword()).toList();
        List<String> hashes = passwords.parallelStream().map(hasher::hash).toList();
        List<Login> logins = new ArrayList<>();
        for (int i = 0; i < deputies.size(); i++) {
            Deputy d = deputies.get(i);
            Account a = accounts.persist(congressId,
                    new AccountService.NewAccount(d.code, passwords.get(i), Role.DEPUTY, d.name, d.id), hashes.get(i));
            Account.getEntityManager().detach(a); // written and flushed; see importRoster
            logins.add(new Login(d.code, d.code, passwords.get(i)));
        }
        return logins;
    }

    private Deputy newDeputy(UUID congressId, String code, String name, String delegation, String district, DeputyStatus status) {
        Instant now = clock.instant();
        Deputy d = new Deputy();
        d.congressId = congressId;
        d.code = code;
        d.name = name;
        d.delegation = delegation;
        d.district = district;
        d.status = status;
        d.createdAt = now;
        d.updatedAt = now;
        return d;
    }

    private UUID congressOf(UUID pathCongressId) {
        UUID congressId = caller.congress(pathCongressId);
        if (Congress.findByIdOptional(congressId).isEmpty()) {
            throw ApiException.notFound("congress");
        }
        return congressId;
    }

    private static Deputy find(UUID congressId, UUID deputyId) {
        return Deputy.<Deputy>find("id = ?1 and congressId = ?2", deputyId, congressId).firstResultOptional()
                .orElseThrow(() -> ApiException.notFound("deputy"));
    }

    private static String generatedCode() {
        return String.format("D%08X", RANDOM.nextInt());
    }

    static String randomPassword() {
        char[] pw = new char[12];
        for (int i = 0; i < pw.length; i++) {
            pw[i] = PASSWORD_ALPHABET[RANDOM.nextInt(PASSWORD_ALPHABET.length)];
        }
        return new String(pw);
    }
}
