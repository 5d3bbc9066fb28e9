package cn.minsheng.ballot.account;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import cn.minsheng.ballot.common.Caller;

/** Builds the RS256 access tokens the service hands out at login. */
@ApplicationScoped
public class TokenIssuer {

    public static final String CONGRESS_CLAIM = Caller.CONGRESS_CLAIM;
    public static final String DEPUTY_CLAIM = Caller.DEPUTY_CLAIM;
    public static final String DEPARTMENT_CLAIM = Caller.DEPARTMENT_CLAIM;

    @ConfigProperty(name = "minsheng.jwt.issuer")
    String issuer;

    @ConfigProperty(name = "minsheng.jwt.audience")
    String audience;

    @ConfigProperty(name = "minsheng.jwt.key-id")
    String keyId;

    @ConfigProperty(name = "minsheng.jwt.ttl")
    Duration ttl;

    public Duration ttl() {
        return ttl;
    }

    String issue(Account account, Instant now) {
        JwtClaimsBuilder claims = Jwt.issuer(issuer).audience(audience)
                .subject(account.id.toString())
                .upn(account.username)
                .groups(account.role.value())
                .issuedAt(now)
                .expiresAt(now.plus(ttl));
        if (account.congressId != null) {
            claims.claim(CONGRESS_CLAIM, account.congressId.toString());
        }
        if (account.department != null) {
            claims.claim(DEPARTMENT_CLAIM, account.department);
        }
        if (account.deputyId != null) {
            claims.claim(DEPUTY_CLAIM, account.deputyId.toString());
        }
        return claims.jws().keyId(keyId).algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.RS256).sign();
    }
}
