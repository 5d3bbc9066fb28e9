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
 * ({@code quarkus.http.idle-timeout}); a live stream is not silent (a comment every
 * {@code minsheng.live.keep-alive}) and has no body, so neither cuts it.
 */
@ApplicationScoped
public class SlowClients {

    @Inject
    HttpConfig config;

    void install(@Observes Router router) {
        long millis = config.bodyTimeout().toMillis();
        router.route().order(Integer.MIN_VALUE + 2).handler(rc -> {
            HttpServerRequest request = rc.request();
            // only a body can be slow: a request without one (a GET, a live stream) has nothing to wait for, and
            // a stream's response never ends, so a timer left running would cut it at the deadline
            if (!request.isEnded() && hasBody(request)) {
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

    /** HTTP/1.1: a request has a body when it says how long it is (not 0) or that it comes in chunks. */
    static boolean hasBody(HttpServerRequest request) {
        String length = request.getHeader("Content-Length");
        return (length != null && !length.trim().equals("0")) || request.getHeader("Transfer-Encoding") != null;
    }
}
