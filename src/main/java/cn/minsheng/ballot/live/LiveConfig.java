package cn.minsheng.ballot.live;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The live capability's settings (minsheng.live.*); the listener's database connection is the datasource's own. */
@ConfigMapping(prefix = "minsheng.live")
public interface LiveConfig {

    /** Live counts are published at most this often. */
    @WithDefault("PT0.5S")
    Duration interval();

    /** A quiet stream sends a keep-alive comment this often. */
    @WithDefault("PT20S")
    Duration keepAlive();
}
