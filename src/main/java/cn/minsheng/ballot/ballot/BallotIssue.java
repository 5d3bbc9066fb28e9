package cn.minsheng.ballot.ballot;

import jakarta.persistence.EntityManager;

import cn.minsheng.ballot.session.SessionService;
import cn.minsheng.ballot.tally.Roster;

/**
 * Ballots issued (发出票数) at close. Each present deputy is issued exactly one ballot: on paper when
 * the scrutineers issued them one (by name, or as a number), otherwise on the tablet. So the tablet
 * ballots issued are the deputies present or who cast on the tablet, less those given paper, and
 * never fewer than the tablet casts. The voters (投票人数) are the deputies present or who took part.
 */
public final class BallotIssue {

    private BallotIssue() {
    }

    public static Roster roster(EntityManager em, Ballot b, SessionService.AttendanceView attendance, long paperIssued) {
        Object[] row = (Object[]) em.createNativeQuery("""
                WITH took_part AS (SELECT deputy_id, channel FROM participation WHERE ballot_id = :b),
                     present AS (SELECT deputy_id FROM attendance WHERE session_id = :s AND state = 'PRESENT')
                SELECT (SELECT count(*) FROM took_part WHERE channel = 'ELECTRONIC'),
                       (SELECT count(*) FROM took_part WHERE channel = 'PAPER'),
                       (SELECT count(*) FROM (SELECT deputy_id FROM present UNION SELECT deputy_id FROM took_part
                                               WHERE channel = 'ELECTRONIC') x
                        WHERE deputy_id NOT IN (SELECT deputy_id FROM took_part WHERE channel = 'PAPER')),
                       (SELECT count(*) FROM (SELECT deputy_id FROM present UNION SELECT deputy_id FROM took_part) y)""")
                .setParameter("b", b.id).setParameter("s", b.sessionId).getSingleResult();
        long tabletCasts = ((Number) row[0]).longValue();
        long paperByName = ((Number) row[1]).longValue();
        long onTablets = ((Number) row[2]).longValue();
        long voters = ((Number) row[3]).longValue();
        long paperAsNumber = Math.max(0, paperIssued - paperByName);
        long electronicIssued = b.electronic ? Math.max(tabletCasts, onTablets - paperAsNumber) : 0;
        return new Roster((int) attendance.seated(), (int) attendance.present(), (int) (electronicIssued + paperIssued),
                (int) paperIssued, (int) voters);
    }
}
