package cn.minsheng.ballot.ballot;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The ballot capability's settings: one mapping per prefix, since minsheng.* holds other capabilities' settings too. */
public final class BallotConfig {

    private BallotConfig() {
    }

    /**
     * minsheng.cast.*: how often a tablet (an account) and an address may send a cast request. Applied by
     * common.RateLimits to the method marked {@code @RateLimited("cast")}, which reads the same three keys by name
     * (common cannot import this mapping); the mapping declares and checks them at start.
     */
    @ConfigMapping(prefix = "minsheng.cast")
    public interface Cast {
        /** Cast requests per account and period. */
        long accountLimit();

        /** Cast requests per client address and period. */
        long addressLimit();

        Duration limitPeriod();
    }

    /** minsheng.seal.*: sealed (encrypted) ballots. */
    @ConfigMapping(prefix = "minsheng.seal")
    public interface Seal {
        /** false: a session without a key ceremony keeps its SECRET ballots in the clear (tests, dev); true: none opens without one. */
        @WithDefault("true")
        boolean requireCeremony();
    }

    /** minsheng.warmup.*: the cast path rehearsed before readiness (CastRehearsal). */
    @ConfigMapping(prefix = "minsheng.warmup")
    public interface Warmup {
        /** default true; false in dev mode and tests */
        @WithDefault("true")
        boolean enabled();

        /** clear and sealed cast statements rehearsed, in transactions of at most 250 scratch deputies */
        @WithDefault("1000")
        int casts();

        /** sealed ballots decoded and verified under the throwaway key */
        @WithDefault("120")
        int sealedVerifications();
    }
}
