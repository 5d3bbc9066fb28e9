package cn.minsheng.ballot.common;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import org.eclipse.microprofile.config.inject.ConfigProperty;

/** The date in the congress's zone (minsheng.zone) by the server's clock: what "due", "today" and "overdue" mean. */
@ApplicationScoped
public class Today {

    @Inject
    Clock clock;

    @ConfigProperty(name = "minsheng.zone")
    ZoneId zone;

    public LocalDate date() {
        return LocalDate.now(clock.withZone(zone));
    }

    public ZoneId zone() {
        return zone;
    }
}
