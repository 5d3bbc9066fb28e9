package cn.minsheng.ballot.common;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;

import io.vertx.core.http.HttpServerRequest;
import io.vertx.ext.web.Router;

/**
 * A client that sends its body slowly holds a connection and a request's memory: a body not
 * complete within {@code minsheng.http.body-timeout} of its headers gets 408 and its connection is
 * closed. Silent connections (a slow header included) are closed by the server's idle timeout
 * ({@code quarkus.http.idle-timeout}).
 */
@ApplicationScoped
public class SlowClients {

    @Inject
    HttpConfig config;

    void install(@Observes Router router) {
        long millis = config.bodyTimeout().toMillis();
        router.route().order(Integer.MIN_VALUE + 2).handler(rc -> {
            HttpServerRequest request = rc.request();
            if (!request.isEnded()) {
                long timer = rc.vertx().setTimer(millis, fired -> {
                    if (!request.isEnded()) {
                        if (!rc.response().headWritten()) {
                            rc.response().setStatusCode(408).putHeader("Content-Type", Problem.MEDIA_TYPE)
                                    .putHeader("Connection", "close")
                                    .end("{\"type\":\"about:blank\",\"title\":\"Request Timeout\",\"status\":408,"
                                            + "\"code\":\"REQUEST_TIMEOUT\"}");
                        }
                        request.connection().close();
                    }
                });
                rc.addEndHandler(done -> rc.vertx().cancelTimer(timer));
            }
            rc.next();
        });
    }
}
