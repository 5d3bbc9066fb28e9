package cn.minsheng.ballot.common;

import java.time.Clock;
import java.time.LocalDate;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** The date in the congress's zone (minsheng.zone) by the server's clock: what "due", "today" and "overdue" mean. */
@ApplicationScoped
public class Today {

    @Inject
    Clock clock;

    @Inject
    ZoneConfig config;

    public LocalDate date() {
        return LocalDate.now(clock.withZone(config.zone()));
    }
}
