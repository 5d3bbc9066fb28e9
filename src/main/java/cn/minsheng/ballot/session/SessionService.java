package cn.minsheng.ballot.session;

import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.minsheng.ballot.common.Caller;
import cn.minsheng.ballot.common.Role;
import cn.minsheng.ballot.audit.AuditLog;
import cn.minsheng.ballot.common.ApiException;
import cn.minsheng.ballot.congress.Congress;
import cn.minsheng.ballot.tally.Fraction;
import io.quarkus.panache.common.Sort;

/** Sessions, the roster snapshot taken at opening, attendance and quorum. Figures derive from records. */
@ApplicationScoped
@Transactional
public class SessionService {

    public record SessionView(String id, String congressId, String name, SessionKind kind, LocalDate startsOn,
            LocalDate endsOn, String quorumFraction, boolean quorumInclusive, SessionStatus status, @Schema(nullable = true) Instant openedAt,
            @Schema(nullable = true) Instant closedAt) {
        static SessionView of(Session s) {
            return new SessionView(s.id.toString(), s.congressId.toString(), s.name, s.kind, s.startsOn, s.endsOn,
                    s.quorum().toString(), s.quorumInclusive, s.status, s.openedAt, s.closedAt);
        }
    }

    /**
     * 应到, 实到, 请假, 离会, 缺席 and whether quorum holds. {@code myState} is the calling deputy's own;
     * {@code suspended}: deputies suspended (暂停执行代表职务) at opening, shown apart (in 应到 only when so configured).
     */
    public record AttendanceView(long seated, long present, long onLeave, long checkedOut, long absent, Quorum quorum,
            @Schema(nullable = true) AttendanceState myState, long suspended) {
    }

    public record NewSession(String name, SessionKind kind, LocalDate startsOn, LocalDate endsOn, Fraction quorum,
            Boolean quorumInclusive) {
    }

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    EntityManager em;

    @Inject
    cn.minsheng.ballot.common.LiveChanges live;

    @Inject
    Clock clock;

    @Inject
    SessionConfig.Quorum quorumConfig;

    /** whether deputies suspended (暂停执行代表职务) at opening count in 应到; either way they cannot vote */
    @Inject
    SessionConfig.Roster rosterConfig;

    public SessionView create(UUID pathCongressId, NewSession r) {
        UUID congressId = caller.congress(pathCongressId);
        if (Congress.findByIdOptional(congressId).isEmpty()) {
            throw ApiException.notFound("congress");
        }
        if (r.endsOn().isBefore(r.startsOn())) {
            throw ApiException.badRequest("SESSION_DATES_INVALID");
        }
        boolean plenary = r.kind() == SessionKind.PLENARY;
        Fraction quorum = r.quorum() != null ? r.quorum()
                : FractionText.parse("quorum.fraction", plenary ? quorumConfig.plenary() : quorumConfig.committee());
        Session s = new Session();
        s.congressId = congressId;
        s.name = r.name();
        s.kind = r.kind();
        s.startsOn = r.startsOn();
        s.endsOn = r.endsOn();
        s.quorumNumerator = (int) quorum.numerator();
        s.quorumDenominator = (int) quorum.denominator();
        s.quorumInclusive = r.quorumInclusive() != null ? r.quorumInclusive() : plenary ? quorumConfig.plenaryInclusive() : quorumConfig.committeeInclusive();
        s.status = SessionStatus.PLANNED;
        s.createdAt = clock.instant();
        s.persist();
        audit.append(congressId, "session.created", "session", s.id,
                Map.of("name", s.name, "kind", s.kind, "quorum", quorum.toString(), "inclusive", s.quorumInclusive));
        return SessionView.of(s);
    }

    /**
     * Opening snapshots the roster: every deputy in office now is 应到 for the whole session (leave is
     * attendance and lowers only 实到); SUSPENDED deputies are noted apart and left out unless configured.
     */
    public SessionView open(UUID sessionId) {
        Session s = findForUpdate(sessionId);
        if (s.status != SessionStatus.PLANNED) {
            throw ApiException.conflict("SESSION_NOT_PLANNED", s.status);
        }
        int seated = em.createNativeQuery("""
                INSERT INTO session_seat (session_id, deputy_id)
                SELECT :s, id FROM deputy WHERE congress_id = :c AND (status = 'SEATED' OR :suspended AND status = 'SUSPENDED')""")
                .setParameter("s", s.id).setParameter("c", s.congressId).setParameter("suspended", rosterConfig.suspendedSeated()).executeUpdate();
        em.createNativeQuery("""
                INSERT INTO session_suspended (session_id, deputy_id)
                SELECT :s, id FROM deputy WHERE congress_id = :c AND status = 'SUSPENDED'""")
                .setParameter("s", s.id).setParameter("c", s.congressId).executeUpdate();
        s.status = SessionStatus.OPEN;
        s.openedAt = clock.instant();
        audit.append(s.congressId, "session.opened", "session", s.id, Map.of("seated", seated));
        live.session(s.id);
        return SessionView.of(s);
    }

    public SessionView close(UUID sessionId) {
        Session s = findForUpdate(sessionId);
        if (s.status != SessionStatus.OPEN) {
            throw ApiException.conflict("SESSION_NOT_OPEN", s.status);
        }
        long openBallots = ((Number) em.createNativeQuery("SELECT count(*) FROM ballot WHERE session_id = :s AND status = 'OPEN'")
                .setParameter("s", s.id).getSingleResult()).longValue();
        if (openBallots > 0) {
            throw ApiException.conflict("BALLOT_STILL_OPEN");
        }
        s.status = SessionStatus.CLOSED;
        s.closedAt = clock.instant();
        audit.append(s.congressId, "session.closed", "session", s.id, Map.of());
        live.session(s.id);
        return SessionView.of(s);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public SessionView get(UUID sessionId) {
        return SessionView.of(find(sessionId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<SessionView> list(UUID pathCongressId) {
        return Session.<Session>find("congressId", Sort.descending("startsOn").and("createdAt"), caller.congress(pathCongressId))
                .list().stream().map(SessionView::of).toList();
    }

    /**
     * Records a deputy's attendance. A deputy checks themself in from the tablet; the secretariat
     * records paper sign-in, leave and check-out for anyone. Repeating the same record changes nothing.
     */
    public AttendanceView record(UUID sessionId, Optional<UUID> deputyParam, AttendanceState state) {
        Session s = find(sessionId);
        UUID deputyId;
        Attendance.Method method;
        if (caller.is(Role.DEPUTY)) {
            deputyId = caller.requireDeputy();
            if (deputyParam.filter(d -> !d.equals(deputyId)).isPresent() || state != AttendanceState.PRESENT) {
                throw ApiException.forbidden();
            }
            method = Attendance.Method.TABLET;
        } else {
            deputyId = deputyParam.orElseThrow(() -> ApiException.badRequest("DEPUTY_ID_REQUIRED"));
            method = Attendance.Method.PAPER;
        }
        if (s.status != SessionStatus.OPEN) {
            throw ApiException.conflict("SESSION_NOT_OPEN", s.status);
        }
        Standing standing = standing(s.id, deputyId);
        if (!standing.seated()) {
            throw new ApiException(ApiException.Kind.FORBIDDEN, "NOT_SEATED");
        }
        if (state == AttendanceState.PRESENT && !standing.inOffice()) {
            throw new ApiException(ApiException.Kind.FORBIDDEN, "DEPUTY_NOT_IN_OFFICE");
        }
        Instant now = clock.instant();
        int changed = em.createNativeQuery("""
                INSERT INTO attendance AS a (session_id, deputy_id, state, method, updated_at) VALUES (:s, :d, :state, :m, :now)
                ON CONFLICT (session_id, deputy_id) DO UPDATE SET state = :state, method = :m, updated_at = :now
                WHERE a.state <> :state""")
                .setParameter("s", s.id).setParameter("d", deputyId).setParameter("state", state.name())
                .setParameter("m", method.name()).setParameter("now", now).executeUpdate();
        if (changed > 0) {
            audit.append(s.congressId, "attendance." + state.name().toLowerCase(), "deputy", deputyId,
                    Map.of("session", s.id.toString(), "method", method));
            live.session(s.id);
        }
        return figures(s, deputyId);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AttendanceView attendance(UUID sessionId) {
        Session s = find(sessionId);
        return figures(s, caller.deputyId().orElse(null));
    }

    public AttendanceView figures(Session s, UUID deputyId) {
        Object[] row = (Object[]) em.createNativeQuery("""
                SELECT (SELECT count(*) FROM session_seat WHERE session_id = :s),
                       (SELECT count(*) FROM session_suspended WHERE session_id = :s),
                       count(*) FILTER (WHERE state = 'PRESENT'),
                       count(*) FILTER (WHERE state = 'ON_LEAVE'),
                       count(*) FILTER (WHERE state = 'CHECKED_OUT')
                FROM attendance WHERE session_id = :s""").setParameter("s", s.id).getSingleResult();
        long seated = ((Number) row[0]).longValue();
        long suspended = ((Number) row[1]).longValue();
        long present = ((Number) row[2]).longValue();
        long onLeave = ((Number) row[3]).longValue();
        long out = ((Number) row[4]).longValue();
        AttendanceState mine = deputyId == null ? null
                : Attendance.<Attendance>find("sessionId = ?1 and deputyId = ?2", s.id, deputyId).firstResultOptional()
                        .map(a -> a.state).orElse(null);
        return new AttendanceView(seated, present, onLeave, out, seated - present - onLeave - out,
                Quorum.of(s.quorum(), s.quorumInclusive, seated, present), mine, suspended);
    }

    /**
     * A deputy's standing in a session, read from the database function {@code session_standing} (V13), the one
     * place the rule "seated, present and in office" is written: seated (应到), their attendance (null if none), in
     * office (SEATED), and the first of those a cast breaks ({@code castRefusal}, null when they may cast).
     */
    public record Standing(boolean seated, AttendanceState state, boolean inOffice, String castRefusal) {
    }

    /**
     * The cast statement's admission test, over the same function: parameters {@code :s} (session) and
     * {@code :d} (deputy). The planner inlines the function, so the cast stays one statement.
     */
    public static final String MAY_CAST = "EXISTS (SELECT 1 FROM session_standing(:s, :d) WHERE refusal IS NULL)";

    @Transactional(Transactional.TxType.SUPPORTS)
    public Standing standing(UUID sessionId, UUID deputyId) {
        Object[] row = (Object[]) em.createNativeQuery("SELECT seated, state, in_office, refusal FROM session_standing(:s, :d)")
                .setParameter("s", sessionId).setParameter("d", deputyId).getSingleResult();
        return new Standing((Boolean) row[0], row[1] == null ? null : AttendanceState.valueOf((String) row[1]), (Boolean) row[2],
                (String) row[3]);
    }

    /** Why this deputy may not cast in this session (403 NOT_SEATED, NOT_PRESENT or DEPUTY_NOT_IN_OFFICE), or nothing. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public void requireMayCast(UUID sessionId, UUID deputyId) {
        String refusal = standing(sessionId, deputyId).castRefusal();
        if (refusal != null) {
            throw new ApiException(ApiException.Kind.FORBIDDEN, refusal);
        }
    }

    public Session find(UUID id) {
        Session s = caller.scoped(Session.<Session>findByIdOptional(id), x -> x.congressId, "session");
        return s;
    }

    private Session findForUpdate(UUID id) {
        Session s = caller.scoped(Session.<Session>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE), x -> x.congressId, "session");
        return s;
    }
}
