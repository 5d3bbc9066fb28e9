package cn.minsheng.ballot.project;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;

/** The status light's settings (minsheng.light.*). */
@ConfigMapping(prefix = "minsheng.light")
public interface LightConfig {

    /** How often every project under way is relit. */
    Duration every();

    /** AMBER when progress lags the elapsed share of the plan by more than this many points. */
    int lagMarginPercent();

    /** A milestone due within this many days counts as due soon. */
    int dueSoonDays();
}
