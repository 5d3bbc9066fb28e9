package cn.minsheng.ballot.account;

import java.nio.charset.StandardCharsets;

import jakarta.enterprise.context.ApplicationScoped;

import at.favre.lib.crypto.bcrypt.BCrypt;
import at.favre.lib.crypto.bcrypt.LongPasswordStrategies;

/** bcrypt, with a configurable cost (tests run at the minimum to stay fast). */
@ApplicationScoped
public class PasswordHasher {

    // bcrypt reads 72 bytes at most; longer passwords are cut there rather than refused
    private static final BCrypt.Version VERSION = BCrypt.Version.VERSION_2A;
    private static final at.favre.lib.crypto.bcrypt.LongPasswordStrategy LONG = LongPasswordStrategies.truncate(VERSION);

    private final int cost;
    /** compared against when the user does not exist, so both paths take the same time */
    private final String decoy;

    PasswordHasher(AccountConfig.Password config) {
        this.cost = config.bcryptCost();
        this.decoy = hash("decoy-password-never-matches");
    }

    public String hash(String password) {
        return BCrypt.with(VERSION, new java.security.SecureRandom(), LONG).hashToString(cost, password.toCharArray());
    }

    public boolean matches(String password, String hash) {
        return BCrypt.verifyer(VERSION, LONG).verify(password.getBytes(StandardCharsets.UTF_8),
                (hash == null ? decoy : hash).getBytes(StandardCharsets.UTF_8)).verified && hash != null;
    }
}
