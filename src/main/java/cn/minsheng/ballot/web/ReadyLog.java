package cn.minsheng.ballot.web;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import io.quarkus.runtime.LaunchMode;
import io.quarkus.runtime.StartupEvent;

/**
 * Says, once the service has started (migrations run, routes up), that it is ready and where
 * its pages are: the line a newcomer looks for in the log of `./mvnw quarkus:dev`.
 */
@ApplicationScoped
public class ReadyLog {

    private static final Logger LOG = Logger.getLogger(ReadyLog.class);

    // Quarkus's own settings, not ours: read as they are, not mapped
    @ConfigProperty(name = "quarkus.http.port", defaultValue = "8080")
    int port;

    @ConfigProperty(name = "quarkus.http.test-port", defaultValue = "8081")
    int testPort;

    void ready(@Observes StartupEvent event) {
        LOG.info(message(LaunchMode.current(), LaunchMode.current() == LaunchMode.TEST ? testPort : port));
    }

    static String message(LaunchMode mode, int port) {
        String base = "http://localhost:" + port;
        StringBuilder m = new StringBuilder("Minsheng Ballot is ready. Pages: ").append(base).append("/app/ (secretariat console ")
                .append(base).append("/app/console, platform admin ").append(base).append("/app/admin), deputies' tablet ")
                .append(base).append("/app/deputy/vote, residents ").append(base).append("/app/public");
        if (mode == LaunchMode.DEVELOPMENT) {
            m.append("; API explorer ").append(base).append("/q/swagger-ui");
        }
        return m.toString();
    }
}
