package cn.minsheng.ballot.account;

import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.SecurityIdentityAugmentor;
import io.smallrye.mutiny.Uni;

/**
 * A valid signature is not enough: the account must still exist and be enabled, and the token must
 * have been issued no earlier than the account's last password or role change, so disabling an
 * account or changing its password stops its tokens at once on this replica, and on every other as soon as the database's
 * notification reaches it (see {@link AccountStatus}).
 */
@ApplicationScoped
public class AccountStatusAugmentor implements SecurityIdentityAugmentor {

    @Inject
    AccountStatus status;

    @Override
    public Uni<SecurityIdentity> augment(SecurityIdentity identity, AuthenticationRequestContext context) {
        if (identity.isAnonymous() || !(identity.getPrincipal() instanceof JsonWebToken jwt)) {
            return Uni.createFrom().item(identity);
        }
        UUID id;
        try {
            id = UUID.fromString(jwt.getSubject());
        } catch (IllegalArgumentException | NullPointerException e) {
            return Uni.createFrom().failure(new AuthenticationFailedException("token without an account"));
        }
        long issuedAt = jwt.getIssuedAtTime(); // a password or role change revokes the tokens issued before it
        Long known = status.known(id); // answered on the I/O thread when memory has it
        if (known != null) {
            return issuedAt >= known ? Uni.createFrom().item(identity)
                    : Uni.createFrom().failure(new AuthenticationFailedException("account disabled, removed or token revoked"));
        }
        return context.runBlocking(() -> {
            if (issuedAt < status.validFrom(id)) {
                throw new AuthenticationFailedException("account disabled, removed or token revoked");
            }
            return identity;
        });
    }
}
