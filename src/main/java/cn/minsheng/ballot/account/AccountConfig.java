package cn.minsheng.ballot.account;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The account capability's settings (application.properties): tokens, the first admin, password hashing, sign-in locks.
 * One mapping per prefix: a mapping validates every property under its prefix, and minsheng.* holds other
 * capabilities' settings too.
 */
public final class AccountConfig {

    private AccountConfig() {
    }

    /** minsheng.jwt.*: what the service's tokens carry and how long they and their verification are kept. */
    @ConfigMapping(prefix = "minsheng.jwt")
    public interface Jwt {
        String issuer();

        String audience();

        /** The {@code kid} every token must carry. */
        String keyId();

        /** A token's lifetime. */
        Duration ttl();

        /** How many verified tokens are remembered at most. */
        @WithDefault("5000")
        long remembered();

        /** How long a verified token is remembered at most (never past its expiry). */
        @WithDefault("PT10M")
        Duration rememberFor();
    }

    /** minsheng.admin.*: the first admin account, created at start when there is none. */
    @ConfigMapping(prefix = "minsheng.admin")
    public interface Admin {
        String username();

        Optional<String> password();
    }

    /** minsheng.password.*: bcrypt's cost factor. */
    @ConfigMapping(prefix = "minsheng.password")
    public interface Password {
        int bcryptCost();
    }

    /** minsheng.login.*: failed sign-ins lock an account name, and an address, for a while. */
    @ConfigMapping(prefix = "minsheng.login")
    public interface Login {
        int maxFailures();

        int addressMaxFailures();

        Duration failureWindow();

        Duration lockout();
    }
}
