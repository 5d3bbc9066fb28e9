package cn.minsheng.ballot.account;

import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.PublicKey;
import java.security.interfaces.RSAPublicKey;
import java.util.Base64;
import java.util.List;
import java.util.Optional;

import jakarta.annotation.security.PermitAll;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirementsSet;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import io.quarkus.runtime.StartupEvent;
import io.smallrye.jwt.util.KeyUtils;

import jakarta.inject.Inject;

/**
 * Publishes the token verification key as a JWK Set. It also checks the key at start: a service
 * without a verification key (production without its Secret) refuses to start.
 */
@jakarta.ws.rs.Path("/.well-known/jwks.json")
@ApplicationScoped
@Tag(name = "auth")
public class JwksResource {

    // the mp.jwt.* and smallrye.jwt.* keys are smallrye-jwt's own settings, not ours: read as they are, not mapped

    @ConfigProperty(name = "mp.jwt.verify.publickey")
    Optional<String> inlineKey;

    @ConfigProperty(name = "mp.jwt.verify.publickey.location")
    Optional<String> keyLocation;

    @ConfigProperty(name = "smallrye.jwt.sign.key")
    Optional<String> inlineSigningKey;

    @ConfigProperty(name = "smallrye.jwt.sign.key.location")
    Optional<String> signingKeyLocation;

    @Inject
    AccountConfig.Jwt jwtConfig;

    /** RFC 7517 key set: the one RSA key that signs this service's tokens. */
    public record JsonWebKeySet(List<JsonWebKey> keys) {
    }

    /** An RSA public key (RFC 7518 6.3.1): modulus n and exponent e, base64url without padding. */
    public record JsonWebKey(String kty, String use, String alg, String kid, String n, String e) {
    }

    private JsonWebKeySet jwks;

    void onStart(@Observes StartupEvent event) throws Exception {
        if (inlineSigningKey.isEmpty() && signingKeyLocation.isEmpty()) {
            throw new IllegalStateException("No token signing key: set SMALLRYE_JWT_SIGN_KEY_LOCATION to the private key file");
        }
        String pem = inlineKey.isPresent() ? inlineKey.get()
                : Files.readString(Path.of(keyLocation.orElseThrow(() -> new IllegalStateException(
                        "No token verification key: set MP_JWT_VERIFY_PUBLICKEY_LOCATION to the public key file"))),
                        StandardCharsets.UTF_8);
        PublicKey key = KeyUtils.decodePublicKey(pem);
        if (!(key instanceof RSAPublicKey rsa)) {
            throw new IllegalStateException("The token verification key must be an RSA key");
        }
        jwks = new JsonWebKeySet(List.of(new JsonWebKey("RSA", "sig", "RS256", jwtConfig.keyId(), base64Url(rsa.getModulus()),
                base64Url(rsa.getPublicExponent()))));
    }

    @GET
    @PermitAll
    @Produces(MediaType.APPLICATION_JSON)
    @SecurityRequirementsSet
    @Operation(operationId = "jwks", summary = "Public keys that verify the service's tokens")
    public JsonWebKeySet jwks() {
        return jwks;
    }

    private static String base64Url(BigInteger value) {
        byte[] bytes = value.toByteArray();
        if (bytes.length > 1 && bytes[0] == 0) {
            bytes = java.util.Arrays.copyOfRange(bytes, 1, bytes.length);
        }
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
