package cn.minsheng.ballot.account;

import java.time.Duration;
import java.time.Instant;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

import cn.minsheng.ballot.common.Caller;

/** Builds the RS256 access tokens the service hands out at login. */
@ApplicationScoped
public class TokenIssuer {

    public static final String CONGRESS_CLAIM = Caller.CONGRESS_CLAIM;
    public static final String DEPUTY_CLAIM = Caller.DEPUTY_CLAIM;
    public static final String DEPARTMENT_CLAIM = Caller.DEPARTMENT_CLAIM;

    @Inject
    AccountConfig.Jwt config;

    public Duration ttl() {
        return config.ttl();
    }

    String issue(Account account, Instant now) {
        JwtClaimsBuilder claims = Jwt.issuer(config.issuer()).audience(config.audience())
                .subject(account.id.toString())
                .upn(account.username)
                .groups(account.role.value())
                .issuedAt(now)
                .expiresAt(now.plus(config.ttl()));
        if (account.congressId != null) {
            claims.claim(CONGRESS_CLAIM, account.congressId.toString());
        }
        if (account.department != null) {
            claims.claim(DEPARTMENT_CLAIM, account.department);
        }
        if (account.deputyId != null) {
            claims.claim(DEPUTY_CLAIM, account.deputyId.toString());
        }
        return claims.jws().keyId(config.keyId()).algorithm(io.smallrye.jwt.algorithm.SignatureAlgorithm.RS256).sign();
    }
}
