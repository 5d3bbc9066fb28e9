package cn.minsheng.ballot.account;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.jwt.auth.principal.ParseException;

/**
 * What a token signed with the service's key must also look like to be accepted, beyond what
 * smallrye-jwt checks: a {@code kid} naming the service's key, an {@code iat} that is not in the
 * future, and a lifetime no longer than the service ever issues. A leaked signing key or a bug
 * that mints odd tokens is then limited to tokens the service itself could have issued.
 */
final class TokenShape {

    /** clock difference tolerated between replicas, seconds */
    static final long SKEW = 5;
    private static final ObjectMapper JSON = new ObjectMapper();

    private TokenShape() {
    }

    static void check(String token, JsonWebToken jwt, long nowSeconds, String keyId, Duration ttl) throws ParseException {
        if (!keyId.equals(kid(token))) {
            throw new ParseException("token without the service's kid");
        }
        long issuedAt = jwt.getIssuedAtTime();
        if (jwt.getClaim("iat") == null || issuedAt <= 0) {
            throw new ParseException("token without iat");
        }
        if (issuedAt > nowSeconds + SKEW) {
            throw new ParseException("token issued in the future");
        }
        if (jwt.getExpirationTime() - issuedAt > ttl.toSeconds() + SKEW) {
            throw new ParseException("token lives longer than the service issues");
        }
    }

    private static String kid(String token) {
        try {
            int dot = token.indexOf('.');
            JsonNode header = JSON.readTree(new String(Base64.getUrlDecoder().decode(token.substring(0, dot).trim()),
                    StandardCharsets.UTF_8));
            JsonNode kid = header.get("kid");
            return kid == null || !kid.isTextual() ? null : kid.asText();
        } catch (Exception malformed) {
            return null;
        }
    }
}
