package cn.minsheng.ballot.live;

import java.time.Clock;
import java.time.Duration;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.ws.rs.sse.OutboundSseEvent;

import org.eclipse.microprofile.jwt.JsonWebToken;
import org.jboss.resteasy.reactive.server.jaxrs.OutboundSseEventImpl;

import io.smallrye.mutiny.Multi;

/**
 * A live stream lasts no longer than the token that opened it (the page reconnects with a fresh
 * one; a revoked or expired token then gets 401), and an idle stream sends a comment line every
 * {@code minsheng.live.keep-alive} (20 s) so proxies and the server's idle timeout keep it open
 * and the client can tell a quiet hall from a dead connection.
 */
@ApplicationScoped
public class StreamLimits {

    @Inject
    LiveConfig config;

    @Inject
    Clock clock;

    public Multi<Object> bound(Multi<String> events, JsonWebToken token) {
        long left = token.getExpirationTime() * 1000 - clock.millis();
        if (left <= 0) {
            return Multi.createFrom().empty();
        }
        OutboundSseEvent ping = new OutboundSseEventImpl.BuilderImpl().comment("keep-alive").build();
        Multi<Object> pings = Multi.createFrom().ticks().every(config.keepAlive()).map(tick -> ping);
        return Multi.createBy().merging().streams(events.map(e -> (Object) e), pings)
                .select().first(Duration.ofMillis(left));
    }
}
