package cn.minsheng.ballot.live;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.operators.multi.processors.BroadcastProcessor;

/**
 * Fans live figures out to this replica's subscribers, one stream per key (such as a ballot's
 * turnout, {@code ballot:<id>}, or a session's pulse, {@code session:<id>}); what a stream shows is a
 * {@link Feed} supplied by the package that owns the figures. Changes arrive as topics from PostgreSQL
 * NOTIFY (see {@link TurnoutListener}), so a change on any replica reaches subscribers on every
 * replica. Casts are the exception: they are far too many to notify one by one (a NOTIFY serializes
 * the commits of all notifying transactions; measured with pgbench, it halves the rate of the raw cast
 * transaction), so the listener asks the {@link Probe}s every interval instead, one query for all the
 * open ballots followed here. Each event is computed and serialized once, whatever the number of
 * subscribers.
 */
@ApplicationScoped
public class TurnoutHub {

    private static final Logger LOG = Logger.getLogger(TurnoutHub.class);

    /** One stream's feed, processor and how many subscribers it has; gone with its last subscriber. */
    private static final class Channel {
        final Feed feed;
        final BroadcastProcessor<String> processor = BroadcastProcessor.create();
        volatile int subscribers; // changed only inside the map's atomic compute

        Channel(Feed feed) {
            this.feed = feed;
        }
    }

    private final Map<String, Channel> channels = new ConcurrentHashMap<>();

    @Inject
    Instance<Probe> probes;

    @Inject
    ObjectMapper json;

    /** The stream's figures now, then on every change, as JSON; subscribers of one key share one channel. */
    public Multi<String> subscribe(String key, Feed feed) {
        String first = write(feed.now());
        Channel channel = channels.compute(key, (k, c) -> {
            Channel joined = c == null ? new Channel(feed) : c;
            joined.subscribers++;
            return joined;
        });
        return Multi.createBy().concatenating().streams(Multi.createFrom().item(first), channel.processor)
                .onTermination().invoke(() -> channels.computeIfPresent(key, (k, c) -> --c.subscribers == 0 ? null : c));
    }

    /** Recomputes and pushes what the streams touched by these changed topics show. */
    @ActivateRequestContext
    void publish(Set<String> changed) {
        channels.forEach((key, channel) -> {
            try {
                if (channel.feed.shows(changed)) {
                    channel.processor.onNext(write(channel.feed.now()));
                }
            } catch (RuntimeException e) {
                LOG.warnf(e, "live figures of %s not pushed", key);
            }
        });
    }

    /** The topics that changed without a notification (casts) since the last call, as the probes see them. */
    @ActivateRequestContext
    Set<String> unnotified() {
        Set<String> followed = Set.copyOf(channels.keySet());
        Set<String> changed = new HashSet<>();
        for (Probe probe : probes) {
            try {
                changed.addAll(probe.changed(followed));
            } catch (RuntimeException e) {
                LOG.warnf(e, "changes of the followed streams not probed");
            }
        }
        return changed;
    }

    /** live stands beside common, not above it (FloorsTest), so it keeps this one write rather than using common.Json. */
    private String write(Object value) {
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    boolean hasSubscribers() {
        return !channels.isEmpty();
    }

    /** How many streams have subscribers on this replica. */
    public int channels() {
        return channels.size();
    }

    /** How many subscriptions those streams have together. */
    public int subscribers() {
        return channels.values().stream().mapToInt(c -> c.subscribers).sum();
    }
}
