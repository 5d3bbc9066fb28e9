package cn.minsheng.ballot.live;

import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import cn.minsheng.ballot.ballot.TurnoutService;
import cn.minsheng.ballot.ballot.TurnoutService.Turnout;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/**
 * Fans turnout out to this replica's subscribers. Changes arrive from PostgreSQL NOTIFY (see
 * {@link TurnoutListener}), so a cast on any replica reaches subscribers on every replica.
 */
@ApplicationScoped
public class TurnoutHub {

    private static final Logger LOG = Logger.getLogger(TurnoutHub.class);

    private record Channel(UUID sessionId, BroadcastProcessor<Turnout> processor) {
    }

    private final Map<UUID, Channel> channels = new ConcurrentHashMap<>();

    @Inject
    TurnoutService turnout;

    /** The current turnout first, then every change. */
    public Multi<Turnout> subscribe(UUID ballotId, UUID sessionId, Turnout current) {
        Channel channel = channels.computeIfAbsent(ballotId, id -> new Channel(sessionId, BroadcastProcessor.create()));
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(current), channel.processor());
    }

    /** Recomputes and pushes the turnout of the changed ballots, and of every ballot of a changed session. */
    @ActivateRequestContext
    void publish(Set<UUID> ballots, Set<UUID> sessions) {
        channels.forEach((ballotId, channel) -> {
            if (ballots.contains(ballotId) || sessions.contains(channel.sessionId())) {
                try {
                    channel.processor().onNext(turnout.of(ballotId));
                } catch (RuntimeException e) {
                    LOG.warnf(e, "turnout of ballot %s not pushed", ballotId);
                }
            }
        });
    }

    boolean hasSubscribers() {
        return !channels.isEmpty();
    }
}
