package cn.minsheng.ballot.live;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minsheng.ballot.ballot.TurnoutService;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/**
 * Fans live figures out to this replica's subscribers: each ballot's turnout, and each session's
 * pulse (attendance, ballots opening and closing, results published). Changes arrive from PostgreSQL
 * NOTIFY (see {@link TurnoutListener}), so a change on any replica reaches subscribers on every
 * replica. Each event is computed and serialized once, whatever the number of subscribers.
 */
@ApplicationScoped
public class TurnoutHub {

    private static final Logger LOG = Logger.getLogger(TurnoutHub.class);

    private record Channel(UUID sessionId, BroadcastProcessor<String> processor) {
    }

    private final Map<UUID, Channel> ballots = new ConcurrentHashMap<>();
    private final Map<UUID, BroadcastProcessor<String>> sessions = new ConcurrentHashMap<>();

    @Inject
    TurnoutService turnout;

    @Inject
    SessionPulse pulse;

    @Inject
    ObjectMapper json;

    /** The ballot's current turnout first, then every change, as JSON. */
    public Multi<String> subscribe(UUID ballotId, UUID sessionId, Object current) {
        Channel channel = ballots.computeIfAbsent(ballotId, id -> new Channel(sessionId, BroadcastProcessor.create()));
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(write(current)), channel.processor());
    }

    /** The session's pulse now, then on every change, as JSON. */
    public Multi<String> subscribeSession(UUID sessionId, SessionPulse.Live current) {
        BroadcastProcessor<String> processor = sessions.computeIfAbsent(sessionId, id -> BroadcastProcessor.create());
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(write(current)), processor);
    }

    /** Recomputes and pushes what the changed ballots and sessions show. */
    @ActivateRequestContext
    void publish(Set<UUID> changedBallots, Set<UUID> changedSessions) {
        ballots.forEach((ballotId, channel) -> {
            if (changedBallots.contains(ballotId) || changedSessions.contains(channel.sessionId())) {
                push(channel.processor(), () -> turnout.of(ballotId), ballotId);
            }
        });
        if (!sessions.isEmpty()) {
            Set<UUID> affected = new HashSet<>(changedSessions);
            affected.addAll(pulse.sessionsOf(changedBallots));
            for (UUID sessionId : affected) {
                BroadcastProcessor<String> processor = sessions.get(sessionId);
                if (processor != null) {
                    push(processor, () -> pulse.of(sessionId), sessionId);
                }
            }
        }
    }

    private void push(BroadcastProcessor<String> processor, java.util.function.Supplier<Object> figures, UUID id) {
        try {
            processor.onNext(write(figures.get()));
        } catch (RuntimeException e) {
            LOG.warnf(e, "live figures of %s not pushed", id);
        }
    }

    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean hasSubscribers() {
        return !ballots.isEmpty() || !sessions.isEmpty();
    }
}
