package cn.minsheng.ballot.ballot;

import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;

import cn.minsheng.ballot.tally.Rules;

/**
 * What casting needs to know of an open ballot, kept in memory: once a ballot is open its rules and
 * items never change, so the burst need not read them again for every cast. Whether the ballot is
 * still open is not taken from here: the database trigger checks that on every cast.
 */
@ApplicationScoped
public class OpenBallots {

    public record Snapshot(UUID id, UUID congressId, UUID sessionId, Rules rules, List<String> items, boolean electronic,
            boolean acceptOvermarked, Secrecy secrecy, cn.minsheng.ballot.seal.Context seal) {
    }

    @jakarta.inject.Inject
    CeremonyService ceremonies;

    private final Cache<UUID, Snapshot> open = Caffeine.newBuilder().expireAfterAccess(Duration.ofHours(2)).maximumSize(10_000)
            .build();

    Optional<Snapshot> get(UUID ballotId) {
        return Optional.ofNullable(open.getIfPresent(ballotId));
    }

    /** Remembers a ballot seen OPEN in the database. */
    Snapshot remember(Ballot b) {
        Snapshot s = new Snapshot(b.id, b.congressId, b.sessionId, b.rules(),
                BallotItem.of(b.id).stream().map(i -> i.itemId.toString()).toList(), b.electronic, b.acceptOvermarked, b.secrecy,
                b.sealed() ? SealLayouts.context(ceremonies.ceremony(b.ceremonyId), b) : null);
        open.put(b.id, s);
        return s;
    }

    public void forget(UUID ballotId) {
        open.invalidate(ballotId);
    }
}
