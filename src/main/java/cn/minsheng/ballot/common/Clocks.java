package cn.minsheng.ballot.common;

import java.time.Clock;

import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** The server's clock decides every "open" and "closed"; never the client's. */
public class Clocks {

    @Produces
    @Singleton
    Clock serverClock() {
        return Clock.systemUTC();
    }
}
