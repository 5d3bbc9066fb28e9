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
import cn.minsheng.ballot.overview.SessionPulse;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/**
 * Fans live figures out to this replica's subscribers: each ballot's turnout, and each session's
 * pulse (attendance, ballots opening and closing, results published). Changes arrive from PostgreSQL
 * NOTIFY (see {@link TurnoutListener}), so a change on any replica reaches subscribers on every
 * replica. Casts are the exception: they are far too many to notify one by one (a NOTIFY serializes
 * the commits of all notifying transactions; measured with pgbench, it halves the rate of the raw cast
 * transaction), so the listener asks {@link #ballotsWithNewCasts} every interval instead, one query
 * for all the open ballots followed here. Each event is computed and serialized once, whatever the
 * number of subscribers.
 */
@ApplicationScoped
public class TurnoutHub {

    private static final Logger LOG = Logger.getLogger(TurnoutHub.class);

    /** One stream's processor and how many subscribers it has; gone with its last subscriber. */
    private static final class Channel {
        final UUID sessionId;
        final BroadcastProcessor<String> processor = BroadcastProcessor.create();
        volatile int subscribers; // changed only inside the map's atomic compute

        Channel(UUID sessionId) {
            this.sessionId = sessionId;
        }
    }

    private final Map<UUID, Channel> ballots = new ConcurrentHashMap<>();
    private final Map<UUID, Channel> sessions = new ConcurrentHashMap<>();
    /** casts of the followed open ballots when last asked; only the listener's thread touches it */
    private Map<UUID, Long> castsSeen = Map.of();

    @Inject
    TurnoutService turnout;

    @Inject
    SessionPulse pulse;

    @Inject
    ObjectMapper json;

    /** The ballot's current turnout first, then every change, as JSON. */
    public Multi<String> subscribe(UUID ballotId, UUID sessionId, Object current) {
        return join(ballots, ballotId, sessionId, write(current));
    }

    /** The session's pulse now, then on every change, as JSON. */
    public Multi<String> subscribeSession(UUID sessionId, SessionPulse.Live current) {
        return join(sessions, sessionId, sessionId, write(current));
    }

    private static Multi<String> join(Map<UUID, Channel> channels, UUID key, UUID sessionId, String first) {
        Channel channel = channels.compute(key, (k, c) -> {
            Channel joined = c == null ? new Channel(sessionId) : c;
            joined.subscribers++;
            return joined;
        });
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(first), channel.processor)
                .onTermination().invoke(() -> channels.computeIfPresent(key, (k, c) -> --c.subscribers == 0 ? null : c));
    }

    /** Recomputes and pushes what the changed ballots and sessions show. */
    @ActivateRequestContext
    void publish(Set<UUID> changedBallots, Set<UUID> changedSessions) {
        ballots.forEach((ballotId, channel) -> {
            if (changedBallots.contains(ballotId) || changedSessions.contains(channel.sessionId)) {
                push(channel.processor, () -> turnout.of(ballotId), ballotId);
            }
        });
        if (!sessions.isEmpty()) {
            Set<UUID> affected = new HashSet<>(changedSessions);
            affected.addAll(pulse.sessionsOf(changedBallots));
            for (UUID sessionId : affected) {
                Channel channel = sessions.get(sessionId);
                if (channel != null) {
                    push(channel.processor, () -> pulse.of(sessionId), sessionId);
                }
            }
        }
    }

    /** The followed open ballots whose number of casts changed since the last call. */
    @ActivateRequestContext
    Set<UUID> ballotsWithNewCasts() {
        if (!hasSubscribers()) {
            castsSeen = Map.of();
            return Set.of();
        }
        Map<UUID, Long> now;
        try {
            now = turnout.castsOfOpen(Set.copyOf(ballots.keySet()), Set.copyOf(sessions.keySet()));
        } catch (RuntimeException e) {
            LOG.warnf(e, "casts of the followed ballots not counted");
            return Set.of();
        }
        Set<UUID> changed = new HashSet<>();
        now.forEach((ballotId, casts) -> {
            if (!casts.equals(castsSeen.get(ballotId))) {
                changed.add(ballotId);
            }
        });
        castsSeen = now;
        return changed;
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

    /** How many ballot and session streams have subscribers on this replica. */
    public int channels() {
        return ballots.size() + sessions.size();
    }

    /** How many subscriptions those streams have together. */
    public int subscribers() {
        return java.util.stream.Stream.concat(ballots.values().stream(), sessions.values().stream())
                .mapToInt(c -> c.subscribers).sum();
    }
}
