package cn.minsheng.ballot.ballot;

import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import cn.minsheng.ballot.live.Probe;

/**
 * Casts are not notified (see live.TurnoutHub): every interval this counts the casts of the open
 * ballots followed on this replica, directly or through their session's stream, in one query, and
 * answers the ballots whose number changed.
 */
@ApplicationScoped
public class CastProbe implements Probe {

    static final String BALLOT = "ballot:";
    static final String SESSION = "session:";

    /** casts of the followed open ballots when last asked; only the listener's thread touches it */
    private Map<UUID, Long> castsSeen = Map.of();

    @Inject
    TurnoutService turnout;

    @Override
    public Set<String> changed(Set<String> followedStreams) {
        Set<UUID> ballots = ids(followedStreams, BALLOT);
        Set<UUID> sessions = ids(followedStreams, SESSION);
        if (ballots.isEmpty() && sessions.isEmpty()) {
            castsSeen = Map.of();
            return Set.of();
        }
        Map<UUID, Long> now = turnout.castsOfOpen(ballots, sessions);
        Set<String> changed = new HashSet<>();
        now.forEach((ballotId, casts) -> {
            if (!casts.equals(castsSeen.get(ballotId))) {
                changed.add(BALLOT + ballotId);
            }
        });
        castsSeen = now;
        return changed;
    }

    private static Set<UUID> ids(Set<String> streams, String prefix) {
        Set<UUID> ids = new HashSet<>();
        for (String s : streams) {
            if (s.startsWith(prefix)) {
                ids.add(UUID.fromString(s.substring(prefix.length())));
            }
        }
        return ids;
    }
}
