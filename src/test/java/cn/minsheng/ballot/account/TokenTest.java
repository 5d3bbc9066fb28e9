package cn.minsheng.ballot.account;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;

import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import jakarta.inject.Inject;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import cn.minsheng.ballot.support.Api;
import cn.minsheng.ballot.support.TestClock;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.jwt.auth.principal.JWTParser;
import io.smallrye.jwt.build.Jwt;

/** Every way a token can be wrong answers 401 problem+json; only the service's own tokens pass. */
@QuarkusTest
class TokenTest {

    String adminSubject;

    @Inject
    JWTParser parser;

    @Inject
    TestClock clock;

    @BeforeEach
    void realAdmin() {
        adminSubject = Api.as(Api.admin()).get("/api/v1/me").then().statusCode(200).extract().path("accountId");
    }

    private static void refused(String token) {
        given().header("Authorization", "Bearer " + token).get("/api/v1/me").then().statusCode(401)
                .contentType("application/problem+json").body("code", equalTo("UNAUTHENTICATED"));
    }

    private static String b64(String s) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @Test
    void aWellFormedTokenOfARealAccountPasses() {
        given().header("Authorization", "Bearer " + Api.sign(Api.claims("admin").subject(adminSubject)))
                .get("/api/v1/me").then().statusCode(200);
    }

    @Test
    void aVerifiedTokenIsRememberedUntilItExpiresAndOnlyByItsExactText() {
        VerifiedTokens tokens = assertInstanceOf(VerifiedTokens.class, parser, "requests are authenticated by the remembering parser");
        Instant now = Instant.now();
        Instant expiry = now.plusSeconds(60);
        String token = Api.sign(Api.claims("admin").subject(adminSubject).issuedAt(now).expiresAt(expiry));
        long before = tokens.verifications();
        Api.as(token).get("/api/v1/me").then().statusCode(200);
        Api.as(token).get("/api/v1/me").then().statusCode(200);
        Api.as(token).get("/api/v1/me").then().statusCode(200);
        assertEquals(before + 1, tokens.verifications(), "verified once, then remembered");

        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8).replace("\"admin\"", "\"deputy\"");
        refused(parts[0] + "." + b64(payload) + "." + parts[2]); // a changed text is not the remembered token
        assertEquals(before + 2, tokens.verifications());

        Api.as(token).get("/api/v1/me").then().statusCode(200);
        assertEquals(before + 2, tokens.verifications(), "still remembered");

        // once the server's clock passes its expiry the token is no longer answered from memory but verified again in
        // full; that verification (smallrye-jwt's, on the system's time) refusing an expired token is expired() below
        clock.advance(Duration.between(Instant.now(), expiry).plusSeconds(1));
        Api.as(token).get("/api/v1/me");
        assertEquals(before + 3, tokens.verifications(), "remembered no longer than it is valid");
    }

    @Test
    void noTokenOrGarbage() {
        given().get("/api/v1/me").then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
        refused("not-a-token");
        refused("a.b.c");
    }

    @Test
    void expired() {
        Instant past = Instant.now().minus(Duration.ofHours(2));
        refused(Api.sign(Api.claims("admin").subject(adminSubject).issuedAt(past).expiresAt(past.plusSeconds(60))));
        Instant now = Instant.now();
        refused(Api.sign(Api.claims("admin").subject(adminSubject).issuedAt(now.minusSeconds(60)).expiresAt(now.minusSeconds(5))));
    }

    @Test
    void notYetValid() {
        Instant future = Instant.now().plus(Duration.ofHours(1));
        refused(Api.sign(Api.claims("admin").subject(adminSubject).issuedAt(future).expiresAt(future.plusSeconds(600))
                .claim("nbf", future.getEpochSecond())));
    }

    @Test
    void wrongIssuerOrAudience() {
        refused(Api.sign(Api.claims("admin").subject(adminSubject).issuer("https://elsewhere.example")));
        refused(Api.sign(Api.claims("admin").subject(adminSubject).audience("another-service")));
    }

    @Test
    void tamperedPayload() {
        String token = Api.sign(Api.claims("deputy").subject(adminSubject));
        String[] parts = token.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8)
                .replace("\"deputy\"", "\"admin\"");
        refused(parts[0] + "." + b64(payload) + "." + parts[2]);
    }

    @Test
    void algNone() {
        String token = Api.sign(Api.claims("admin").subject(adminSubject));
        String payload = token.split("\\.")[1];
        refused(b64("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"minsheng-1\"}") + "." + payload + ".");
    }

    @Test
    void hs256SignedWithThePublicKey() throws Exception {
        String token = Api.sign(Api.claims("admin").subject(adminSubject));
        String payload = token.split("\\.")[1];
        // the classic confusion attack: the public key's own text used as an HMAC secret
        String publicKeyText = Api.config("mp.jwt.verify.publickey");
        String header = b64("{\"alg\":\"HS256\",\"typ\":\"JWT\",\"kid\":\"minsheng-1\"}");
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(publicKeyText.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        String signingInput = header + "." + payload;
        String sig = Base64.getUrlEncoder().withoutPadding().encodeToString(mac.doFinal(signingInput.getBytes(StandardCharsets.US_ASCII)));
        refused(signingInput + "." + sig);
    }

    @Test
    void unknownKeyIdOrForeignKey() throws Exception {
        refused(Api.claims("admin").subject(adminSubject).jws().keyId("someone-elses-key").sign());
        var foreign = KeyPairGenerator.getInstance("RSA");
        foreign.initialize(2048);
        refused(Api.claims("admin").subject(adminSubject).jws().keyId(Api.config("minsheng.jwt.key-id"))
                .sign(foreign.generateKeyPair().getPrivate()));
    }

    @Test
    void validSignatureButNoSuchAccount() {
        refused(Api.sign(Api.claims("admin")));
        refused(Api.sign(Jwt.issuer(Api.config("minsheng.jwt.issuer")).audience(Api.config("minsheng.jwt.audience"))
                .upn("x").groups("admin").expiresIn(60)));
    }
}
