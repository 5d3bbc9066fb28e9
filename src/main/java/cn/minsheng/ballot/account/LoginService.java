package cn.minsheng.ballot.account;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import cn.minsheng.ballot.common.ApiException;
import cn.minsheng.ballot.common.Tenants;

@ApplicationScoped
public class LoginService {

    public record Credentials(String congressCode, String username, String password) {
    }

    public record Token(String accessToken, String tokenType, long expiresIn, List<String> roles) {
    }

    @Inject
    PasswordHasher hasher;

    @Inject
    LoginThrottle throttle;

    @Inject
    TokenIssuer tokens;

    @Inject
    Clock clock;

    @Inject
    Tenants tenants;

    /** A failure is recorded and committed even though the caller gets an error. */
    @Transactional(dontRollbackOn = ApiException.class)
    public Token login(Credentials credentials, String clientAddress) {
        Instant now = clock.instant();
        String accountKey = LoginThrottle.accountKey(credentials.congressCode(), credentials.username());
        String addressKey = LoginThrottle.addressKey(clientAddress);
        throttle.checkNotLocked(now, accountKey, addressKey);

        Optional<Account> account = findAccount(credentials);
        boolean passwordOk = hasher.matches(credentials.password(), account.map(a -> a.passwordHash).orElse(null));
        if (account.isEmpty() || !passwordOk || !account.get().enabled) {
            throttle.recordFailure(now, accountKey, addressKey);
            throw new ApiException(ApiException.Kind.UNAUTHENTICATED, "INVALID_CREDENTIALS");
        }
        throttle.recordSuccess(accountKey);
        Account a = account.get();
        // a deputy whose office is terminated or suspended cannot log in (nor use an earlier token: AccountStatus)
        if (a.deputyId != null && !tenants.deputyInOffice(a.deputyId)) {
            throw new ApiException(ApiException.Kind.FORBIDDEN, "DEPUTY_NOT_IN_OFFICE");
        }
        return new Token(tokens.issue(a, now), "Bearer", tokens.ttl().toSeconds(), List.of(a.role.value()));
    }

    private Optional<Account> findAccount(Credentials c) {
        if (c.congressCode() == null || c.congressCode().isBlank()) {
            return Account.findLogin(null, c.username());
        }
        Optional<UUID> congress = tenants.idOfCode(c.congressCode());
        return congress.flatMap(id -> Account.findLogin(id, c.username()));
    }
}
