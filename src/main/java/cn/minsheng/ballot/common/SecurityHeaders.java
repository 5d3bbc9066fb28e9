package cn.minsheng.ballot.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

import io.vertx.core.MultiMap;
import io.vertx.ext.web.Router;

/**
 * Headers every answer carries, whichever layer wrote it (REST resources, pages, static assets,
 * health, metrics, security challenges): {@code X-Content-Type-Options: nosniff}, so a browser
 * never guesses a type other than the one declared; and, for every request that carried a bearer
 * token, {@code Cache-Control: no-store}, so nothing answered to a signed-in person (their JSON,
 * CSV exports with phone numbers, the audit export) is kept by a browser or a proxy.
 */
@ApplicationScoped
public class SecurityHeaders {

    void install(@Observes Router router) {
        router.route().order(Integer.MIN_VALUE + 1).handler(rc -> {
            boolean authenticated = rc.request().headers().contains("Authorization");
            rc.addHeadersEndHandler(done -> {
                MultiMap headers = rc.response().headers();
                headers.set("X-Content-Type-Options", "nosniff");
                if (authenticated) {
                    headers.set("Cache-Control", "no-store");
                    headers.remove("Expires");
                }
            });
            rc.next();
        });
    }
}
