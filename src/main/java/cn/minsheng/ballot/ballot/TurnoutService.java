package cn.minsheng.ballot.ballot;

import java.util.Collection;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import cn.minsheng.ballot.common.ApiException;
import cn.minsheng.ballot.live.Feed;

/** Turnout only: how many may vote and how many have. Never a per-item count. */
@ApplicationScoped
@Transactional(Transactional.TxType.SUPPORTS)
public class TurnoutService {

    public record Turnout(String ballotId, BallotStatus status, long eligible, long present, long cast) {
    }

    @Inject
    EntityManager em;

    @Inject
    BallotService ballots;

    public Turnout turnout(UUID ballotId) {
        return of(ballots.find(ballotId).id);
    }

    /** Without a tenant check: for the live stream, which checked access when the subscriber connected. */
    public Turnout of(UUID ballotId) {
        java.util.List<?> rows = em.createNativeQuery("""
                SELECT b.status,
                       (SELECT count(*) FROM session_seat s WHERE s.session_id = b.session_id),
                       (SELECT count(*) FROM attendance a WHERE a.session_id = b.session_id AND a.state = 'PRESENT'),
                       (SELECT count(*) FROM participation p WHERE p.ballot_id = b.id)
                FROM ballot b WHERE b.id = :b""").setParameter("b", ballotId).getResultList();
        if (rows.isEmpty()) {
            throw ApiException.notFound("ballot");
        }
        Object[] row = (Object[]) rows.get(0);
        return new Turnout(ballotId.toString(), BallotStatus.valueOf((String) row[0]), ((Number) row[1]).longValue(),
                ((Number) row[2]).longValue(), ((Number) row[3]).longValue());
    }

    /** The live stream of a ballot's turnout: it changes with the ballot and with its session's attendance. */
    public Feed feed(Ballot b) {
        UUID ballotId = b.id;
        String ballot = CastProbe.BALLOT + b.id;
        String session = CastProbe.SESSION + b.sessionId;
        return new Feed() {
            @Override
            public Object now() {
                return of(ballotId);
            }

            @Override
            public boolean shows(Set<String> changed) {
                return changed.contains(ballot) || changed.contains(session);
            }
        };
    }

    /** How many casts each OPEN ballot among these (or of these sessions) has, in one query. */
    public Map<UUID, Long> castsOfOpen(Collection<UUID> ballotIds, Collection<UUID> sessionIds) {
        if (ballotIds.isEmpty() && sessionIds.isEmpty()) {
            return Map.of();
        }
        String among = ballotIds.isEmpty() ? "b.session_id IN (:s)"
                : sessionIds.isEmpty() ? "b.id IN (:b)" : "(b.id IN (:b) OR b.session_id IN (:s))";
        var query = em.createNativeQuery("SELECT b.id, (SELECT count(*) FROM participation p WHERE p.ballot_id = b.id) "
                + "FROM ballot b WHERE b.status = 'OPEN' AND " + among);
        if (!ballotIds.isEmpty()) {
            query.setParameter("b", ballotIds);
        }
        if (!sessionIds.isEmpty()) {
            query.setParameter("s", sessionIds);
        }
        Map<UUID, Long> casts = new HashMap<>();
        for (Object o : query.getResultList()) {
            Object[] row = (Object[]) o;
            casts.put((UUID) row[0], ((Number) row[1]).longValue());
        }
        return casts;
    }
}
