package cn.minsheng.ballot.session;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The session capability's settings: one mapping per prefix, since minsheng.* holds other capabilities' settings too. */
public final class SessionConfig {

    private SessionConfig() {
    }

    /** minsheng.quorum.*: the default quorum of a session that states none. */
    @ConfigMapping(prefix = "minsheng.quorum")
    public interface Quorum {
        /** A plenary session's quorum, a fraction such as 2/3. */
        String plenary();

        /** Whether reaching the plenary fraction exactly suffices. */
        boolean plenaryInclusive();

        /** A standing committee's quorum, a fraction such as 1/2. */
        String committee();

        /** Whether reaching the committee fraction exactly suffices. */
        boolean committeeInclusive();
    }

    /** minsheng.roster.*: the roster snapshot. */
    @ConfigMapping(prefix = "minsheng.roster")
    public interface Roster {
        /** Whether a deputy whose duties are suspended still counts as seated. */
        @WithDefault("false")
        boolean suspendedSeated();
    }
}
