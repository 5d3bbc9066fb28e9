package cn.minsheng.ballot.common;

import java.time.ZoneId;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import io.smallrye.config.WithParentName;

/** minsheng.zone: the congress's time zone, which decides a date (due dates, the notice's date, the published heads' days). */
@ConfigMapping(prefix = "minsheng.zone")
public interface ZoneConfig {

    /** The property minsheng.zone itself (a mapping needs a prefix of its own, and minsheng.* holds everyone's settings). */
    @WithParentName
    @WithDefault("Asia/Shanghai")
    ZoneId zone();
}
