package cn.minsheng.ballot.project;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

/** The project capability's settings: one mapping per prefix, since minsheng.* holds other capabilities' settings too. */
public final class ProjectConfig {

    private ProjectConfig() {
    }

    /** minsheng.light.*: the status light. */
    @ConfigMapping(prefix = "minsheng.light")
    public interface Light {

        /** How often every project under way is relit. */
        Duration every();

        /** AMBER when progress lags the elapsed share of the plan by more than this many points. */
        int lagMarginPercent();

        /** A milestone due within this many days counts as due soon. */
        int dueSoonDays();
    }

    /** minsheng.evidence.*: uploaded evidence. */
    @ConfigMapping(prefix = "minsheng.evidence")
    public interface Evidence {

        /** The largest evidence file, in bytes. */
        int maxBytes();
    }
}
