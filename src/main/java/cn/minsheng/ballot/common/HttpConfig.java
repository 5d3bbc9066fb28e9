package cn.minsheng.ballot.common;

import java.time.Duration;

import io.quarkus.runtime.annotations.StaticInitSafe;
import io.quarkus.runtime.configuration.MemorySize;
import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Limits on what a client may send (minsheng.http.*). Read at static init: the pre-matching body filter is built then. */
@StaticInitSafe
@ConfigMapping(prefix = "minsheng.http")
public interface HttpConfig {

    /** The largest JSON body. */
    MemorySize maxJsonBody();

    /** The largest uploaded file (roster import, evidence). */
    MemorySize maxImportBody();

    /** A body not complete this long after its headers gets 408. */
    @WithDefault("PT30S")
    Duration bodyTimeout();
}
