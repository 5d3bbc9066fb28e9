package cn.minsheng.ballot.overview;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import cn.minsheng.ballot.ballot.BallotStatus;
import cn.minsheng.ballot.live.Feed;
import cn.minsheng.ballot.session.Session;
import cn.minsheng.ballot.session.SessionService;
import cn.minsheng.ballot.session.SessionService.AttendanceView;
import cn.minsheng.ballot.session.SessionStatus;
import cn.minsheng.ballot.tally.BallotKind;

/**
 * What the hall sees of a session at one moment: attendance and quorum, and each ballot's state and
 * turnout. Never per-item counts; a result is only flagged as published (the figures are read from
 * the public result). The same for every subscriber, so it carries nothing about the caller.
 */
@ApplicationScoped
public class SessionPulse {

    /** A ballot's state and how many have cast it (the present and seated are the session's, in attendance). */
    public record BallotLine(String id, String title, BallotKind kind, BallotStatus status, long cast, boolean published) {
    }

    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "SessionPulse")
    public record Live(String sessionId, String name, SessionStatus status, AttendanceView attendance,
            List<BallotLine> ballots) {
    }

    static final String BALLOT = "ballot:";
    static final String SESSION = "session:";

    @Inject
    EntityManager em;

    @Inject
    SessionService sessions;

    /** Without a tenant check: the caller checked access (or this is the broadcast of a checked stream). */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Live of(UUID sessionId) {
        Session s = em.find(Session.class, sessionId);
        AttendanceView attendance = sessions.figures(s, null);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = em.createNativeQuery("""
                SELECT b.id, b.title, b.kind, b.status,
                       (SELECT count(*) FROM participation p WHERE p.ballot_id = b.id),
                       coalesce(r.status = 'PUBLISHED', false)
                FROM ballot b LEFT JOIN ballot_result r ON r.ballot_id = b.id
                WHERE b.session_id = :s ORDER BY b.created_at, b.id""").setParameter("s", sessionId).getResultList();
        List<BallotLine> ballots = new ArrayList<>();
        for (Object[] r : rows) {
            ballots.add(new BallotLine(r[0].toString(), (String) r[1], BallotKind.valueOf((String) r[2]),
                    BallotStatus.valueOf((String) r[3]), ((Number) r[4]).longValue(), (Boolean) r[5]));
        }
        return new Live(s.id.toString(), s.name, s.status, attendance, ballots);
    }

    /** The live stream of a session's pulse: it changes with the session and with each of its ballots. */
    public Feed feed(UUID sessionId) {
        String session = SESSION + sessionId;
        return new Feed() {
            @Override
            public Object now() {
                return of(sessionId);
            }

            @Override
            public boolean shows(Set<String> changed) {
                if (changed.contains(session)) {
                    return true;
                }
                List<UUID> ballots = changed.stream().filter(t -> t.startsWith(BALLOT))
                        .map(t -> UUID.fromString(t.substring(BALLOT.length()))).toList();
                return sessionsOf(ballots).contains(sessionId);
            }
        };
    }

    /** The sessions the given ballots belong to. */
    @Transactional(Transactional.TxType.SUPPORTS)
    @SuppressWarnings("unchecked")
    public List<UUID> sessionsOf(java.util.Collection<UUID> ballots) {
        if (ballots.isEmpty()) {
            return List.of();
        }
        return em.createNativeQuery("SELECT DISTINCT session_id FROM ballot WHERE id IN (:ids)").setParameter("ids", ballots)
                .getResultList();
    }
}
