package cn.minsheng.ballot.account;

import java.time.Clock;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;

import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Inject;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;

import io.smallrye.jwt.auth.principal.DefaultJWTParser;
import io.smallrye.jwt.auth.principal.ParseException;

/**
 * The bearer-token parser the service authenticates with. smallrye-jwt's own parser (the parent
 * class, which all other parsing goes to unchanged) checks each token's signature and claims once;
 * the verified token is then remembered, keyed by its exact text, until it expires (and at most
 * {@code minsheng.jwt.remember-for}), so a deputy's casts and stream reconnects during a plenary's
 * burst do not each pay for an RSA verification. A token that fails is never remembered, and any
 * change to a token's text is another key, verified afresh. Whether the account is still enabled
 * is checked on every request all the same ({@link AccountStatusAugmentor}).
 */
@Alternative
@Priority(1)
@ApplicationScoped
public class VerifiedTokens extends DefaultJWTParser {

    @Inject
    Clock clock;

    private final AccountConfig.Jwt config;

    private final Cache<String, JsonWebToken> verified;
    private final AtomicLong verifications = new AtomicLong();

    @Inject
    VerifiedTokens(AccountConfig.Jwt config) {
        this.config = config;
        long longestNanos = config.rememberFor().toNanos();
        verified = Caffeine.newBuilder().maximumSize(config.remembered()).expireAfter(new Expiry<String, JsonWebToken>() {
            @Override
            public long expireAfterCreate(String token, JsonWebToken jwt, long currentTime) {
                long left = TimeUnit.SECONDS.toNanos(jwt.getExpirationTime()) - TimeUnit.MILLISECONDS.toNanos(clock.millis());
                return Math.max(0, Math.min(left, longestNanos));
            }

            @Override
            public long expireAfterUpdate(String token, JsonWebToken jwt, long currentTime, long currentDuration) {
                return currentDuration;
            }

            @Override
            public long expireAfterRead(String token, JsonWebToken jwt, long currentTime, long currentDuration) {
                return currentDuration;
            }
        }).build();
    }

    @Override
    public JsonWebToken parse(String token) throws ParseException {
        JsonWebToken known = verified.getIfPresent(token);
        if (known != null && clock.millis() < TimeUnit.SECONDS.toMillis(known.getExpirationTime())) {
            return known;
        }
        verifications.incrementAndGet();
        JsonWebToken jwt = super.parse(token);
        TokenShape.check(token, jwt, clock.millis() / 1000, config.keyId(), config.ttl());
        verified.put(token, jwt);
        return jwt;
    }

    /** How many tokens were verified in full since start (the rest were remembered). */
    public long verifications() {
        return verifications.get();
    }
}
