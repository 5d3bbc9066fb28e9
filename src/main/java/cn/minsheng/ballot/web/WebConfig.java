package cn.minsheng.ballot.web;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** The pages' settings (minsheng.webui.*). */
@ConfigMapping(prefix = "minsheng.webui")
public interface WebConfig {

    /** In dev mode, run Vite's watch so the pages rebuild on every save. */
    @WithDefault("false")
    boolean watch();
}
