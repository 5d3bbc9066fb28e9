package cn.minsheng.ballot.result;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;

import org.eclipse.microprofile.openapi.annotations.media.Schema;


import cn.minsheng.ballot.common.Json;
import cn.minsheng.ballot.common.Caller;
import cn.minsheng.ballot.audit.AuditLog;
import cn.minsheng.ballot.ballot.Ballot;
import cn.minsheng.ballot.ballot.BallotItem;
import cn.minsheng.ballot.ballot.BallotLifecycle;
import cn.minsheng.ballot.ballot.BallotService;
import cn.minsheng.ballot.ballot.BallotStatus;
import cn.minsheng.ballot.ballot.RuleSetService;
import cn.minsheng.ballot.common.ApiException;
import cn.minsheng.ballot.congress.Congress;
import cn.minsheng.ballot.tally.ItemResult;
import cn.minsheng.ballot.tally.Outcome;
import cn.minsheng.ballot.tally.TallyResult;

/** Results: recorded at close, countersigned by scrutineers, published (then final), read by all once public. */
@ApplicationScoped
@Transactional
public class ResultService {

    public record Countersignature(String scrutineer, Instant signedAt) {
    }

    public record ResultView(BallotResult.Status status, @Schema(nullable = true) ResultFigures figures, List<Countersignature> countersignatures,
            int countersignaturesRequired, @Schema(nullable = true) String chairDecisionReason, @Schema(nullable = true) String auditHead,
            @Schema(nullable = true) Instant countedAt, @Schema(nullable = true) Instant publishedAt,
            @Schema(nullable = true, description = "the notice's number (公告第N号) in its session, assigned at publication; absent before")
            Integer noticeNumber,
            @Schema(nullable = true, description = "the rule set (票决办法) the ballot was made under, with its text; absent: none")
            RuleSetService.RuleSetText ruleSet,
            @Schema(nullable = true, description = "MOTION: the rule set this motion adopts (ADOPTED once the passed result is published)")
            RuleSetService.RuleSetText adoptsRuleSet,
            @Schema(nullable = true, description = "sealed ballots only: the scrutineers' decryption of the encrypted totals")
            SealedCountService.SealedCountView sealed) {
    }

    /** What the notice needs besides the result: who issues it and where the public reads it. */
    public record Notice(ResultView result, cn.minsheng.ballot.session.Session session, Congress congress) {
    }

    @Inject
    SealedCountService sealedCount;

    @Inject
    ResultVisibility visibility;

    @Inject
    Caller caller;

    @Inject
    BallotService ballots;

    @Inject
    AuditLog audit;

    @Inject
    RuleSetService ruleSets;

    @Inject
    EntityManager em;

    @Inject
    cn.minsheng.ballot.common.LiveChanges live;

    @Inject
    Json json;

    @Inject
    Clock clock;

    @Inject
    jakarta.enterprise.event.Event<ResultPublished> published;

    @Inject
    ResultConfig.Result config;

    @Transactional(Transactional.TxType.MANDATORY)
    public ResultView record(Ballot b, List<BallotItem> items, TallyResult t, long seed, UUID followUpBallot) {
        List<ResultFigures.Item> rows = new ArrayList<>();
        Map<String, String> labels = new java.util.HashMap<>();
        items.forEach(i -> labels.put(i.itemId.toString(), i.position + ". " + i.label));
        Map<String, String> reasons = cn.minsheng.ballot.tally.Explanation.of(t, labels::get);
        for (BallotItem i : items) {
            ItemResult r = t.item(i.itemId.toString());
            rows.add(new ResultFigures.Item(r.itemId(), i.position, i.label, r.forCount(), r.againstCount(), r.abstainCount(),
                    r.satisfiedCount(), r.basicallySatisfiedCount(), r.unsatisfiedCount(), r.notVoted(), r.passed(), r.rank(),
                    r.outcome(), r.satisfactionRate() == null ? null : r.satisfactionRate().toString(),
                    r.satisfactionRate() == null ? null : r.satisfactionRate().percent(), reasons.get(r.itemId())));
        }
        BallotService.BallotView v = ballots.view(b);
        ResultFigures figures = new ResultFigures(b.id.toString(), b.sessionId.toString(), b.title, b.kind, b.method, b.secrecy,
                b.seats, b.maxMarks, v.threshold(), b.tiePolicy, b.shortfallPolicy, b.minSurplus, b.channels(),
                t.roster().seated(), t.roster().present(), t.roster().issued(), t.returned(), t.valid(), t.invalid(),
                t.notReturned(), t.invalidByReason(), t.voided(), t.thresholdBase(), rows, t.selected(), t.shortfall(),
                t.followUp().map(f -> new ResultFigures.FollowUp(f.kind().name(), f.items(), f.seats(),
                        followUpBallot == null ? null : followUpBallot.toString())).orElse(null),
                t.lot().map(l -> new ResultFigures.Lot(l.seed(), l.drawOrder(), l.winners())).orElse(null), b.closedAt,
                new ResultFigures.Ballots(t.roster().electronicIssued(), t.roster().paperIssued(),
                        t.returned() - t.paperReturned(), t.paperReturned(), t.roster().voters()),
                t.voidReasons(), v.evaluationTiers(), v.followUp(), v.minMarks());
        BallotResult r = new BallotResult();
        r.ballotId = b.id;
        r.stage(b.sealed() ? BallotService.move(BallotLifecycle.firstStage(true), BallotLifecycle.ResultEvent.DECRYPT)
                : BallotLifecycle.firstStage(false));
        r.figures = write(figures);
        r.lotSeed = seed;
        r.countedAt = clock.instant();
        r.persist();
        return view(r);
    }

    /** Per-item figures exist only after close: while a ballot is open nobody, the secretariat included, sees them. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ResultView get(UUID ballotId) {
        BallotResult r = BallotResult.<BallotResult>findByIdOptional(ballotId).orElse(null);
        if (ResultVisibility.isPublic(r)) {
            return view(r);
        }
        Ballot b = visibility.requireInsider(ballotId);
        if (r == null && b.sealed() && b.status == BallotStatus.CLOSED) {
            // closed, waiting for k scrutineers to decrypt the totals: no figures yet, and in words why
            return new ResultView(BallotResult.Status.AWAITING_DECRYPTION, null, List.of(), config.countersignaturesRequired(), null, null, null,
                    null, null, ruleSets.text(b.ruleSetId), ruleSets.text(b.adoptsRuleSetId), sealedCount.view(b));
        }
        if (r == null) {
            throw ApiException.conflict("RESULT_NOT_AVAILABLE", b.status);
        }
        return view(r);
    }

    public ResultView countersign(UUID ballotId) {
        Ballot b = ballots.find(ballotId);
        BallotResult r = resultForUpdate(b);
        BallotService.move(r.stage(), BallotLifecycle.ResultEvent.COUNTERSIGN);
        int inserted = em.createNativeQuery("""
                INSERT INTO result_countersign (ballot_id, account_id, signed_at) VALUES (:b, :a, :at)
                ON CONFLICT DO NOTHING""").setParameter("b", b.id).setParameter("a", caller.accountId())
                .setParameter("at", clock.instant()).executeUpdate();
        if (inserted == 0) {
            throw ApiException.conflict("ALREADY_COUNTERSIGNED");
        }
        audit.append(b.congressId, "result.countersigned", "ballot", b.id, Map.of());
        return view(r);
    }

    /** CHAIR_DECISION: the chair picks among the tied items, with a recorded reason. */
    public ResultView chairDecision(UUID ballotId, List<UUID> chosen, String reason) {
        Ballot b = ballots.find(ballotId);
        BallotResult r = resultForUpdate(b);
        ResultFigures f = read(r.figures);
        BallotService.move(r.stage(), BallotLifecycle.ResultEvent.CHAIR_DECISION);
        if (f.followUp() == null || !"CHAIR_DECISION".equals(f.followUp().kind()) || r.chairReason != null) {
            throw ApiException.conflict("NO_CHAIR_DECISION_PENDING");
        }
        List<String> picked = chosen.stream().map(UUID::toString).distinct().toList();
        if (picked.size() != f.followUp().seats() || !f.followUp().items().containsAll(picked)) {
            throw ApiException.badRequest("CHAIR_DECISION_INVALID", f.followUp().seats());
        }
        List<ResultFigures.Item> items = new ArrayList<>();
        for (ResultFigures.Item i : f.items()) {
            boolean picks = picked.contains(i.itemId());
            items.add(i.outcome() != Outcome.TIED ? i
                    : i.withOutcome(picks ? Outcome.SELECTED : Outcome.NOT_SELECTED, (i.reason() == null ? "" : i.reason()) + "主持人决定："
                            + (picks ? "当选" : "未当选") + "（理由：" + reason + "）。"));
        }
        List<String> selected = items.stream().filter(i -> i.outcome() == Outcome.SELECTED)
                .sorted((x, y) -> Integer.compare(x.rank(), y.rank())).map(ResultFigures.Item::itemId).toList();
        r.figures = write(f.withDecision(items, selected));
        r.chairReason = reason;
        audit.append(b.congressId, "result.chair_decision", "ballot", b.id, Map.of("selected", picked, "reason", reason));
        return view(r);
    }

    public ResultView publish(UUID ballotId) {
        Ballot b = ballots.find(ballotId);
        BallotResult r = resultForUpdate(b);
        ResultFigures f = read(r.figures);
        BallotLifecycle.ResultStage next = BallotService.move(r.stage(), BallotLifecycle.ResultEvent.PUBLISH);
        if (f.voided()) {
            throw ApiException.conflict("VOTE_VOID", VoidText.of(f));
        }
        if (f.followUp() != null && "CHAIR_DECISION".equals(f.followUp().kind()) && r.chairReason == null) {
            throw ApiException.conflict("NO_CHAIR_DECISION_PENDING");
        }
        long signatures = count(b.id);
        if (signatures < config.countersignaturesRequired()) {
            throw ApiException.conflict("COUNTERSIGNATURES_MISSING", signatures, config.countersignaturesRequired());
        }
        audit.append(b.congressId, "result.published", "ballot", b.id,
                Map.of("selected", f.selected(), "valid", f.valid(), "returned", f.returned()));
        if (b.adoptsRuleSetId != null && f.items().get(0).outcome() == Outcome.ADOPTED) {
            ruleSets.adopt(b);
        }
        r.auditHead = (String) em.createNativeQuery("SELECT head_hash FROM audit_chain WHERE chain_id = :c")
                .setParameter("c", b.congressId).getSingleResult();
        r.stage(next);
        r.publishedAt = clock.instant();
        number(b);
        // projects are created from a selection, evaluations recorded from a rating, in this same transaction
        published.fire(new ResultPublished(b.id, b.congressId, read(r.figures)));
        live.ballot(b.id);
        return view(r);
    }

    /** Published results of a congress, newest first, for the public API. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<ResultView> published(String congressCode) {
        UUID congressId = Congress.findByCode(congressCode).orElseThrow(() -> ApiException.notFound("congress")).id;
        @SuppressWarnings("unchecked")
        List<UUID> ids = em.createNativeQuery("""
                SELECT r.ballot_id FROM ballot_result r JOIN ballot b ON b.id = r.ballot_id
                WHERE b.congress_id = :c AND\s""" + ResultVisibility.PUBLIC + """
                ORDER BY r.published_at DESC""")
                .setParameter("c", congressId).getResultList();
        return ids.stream().map(id -> view(BallotResult.findById(id))).toList();
    }

    /** The notice's number: the next in the session, under a lock on the session row (key-share locks of new ballots pass). */
    private void number(Ballot b) {
        em.createNativeQuery("SELECT 1 FROM session WHERE id = :s FOR NO KEY UPDATE").setParameter("s", b.sessionId).getResultList();
        em.flush();
        em.createNativeQuery("""
                INSERT INTO result_notice (ballot_id, session_id, number)
                SELECT :b, :s, coalesce(max(number), 0) + 1 FROM result_notice WHERE session_id = :s""")
                .setParameter("b", b.id).setParameter("s", b.sessionId).executeUpdate();
    }

    /** The result with its session and congress, for the printed notice. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Notice notice(UUID ballotId) {
        ResultView result = get(ballotId);
        Ballot b = Ballot.findById(ballotId);
        return new Notice(result, cn.minsheng.ballot.session.Session.findById(b.sessionId), Congress.findById(b.congressId));
    }

    /** A result is acted on (countersigned, decided, decrypted, published) only once its ballot has closed. */
    static void requireClosed(Ballot b) {
        if (b.status != BallotStatus.CLOSED) {
            throw ApiException.conflict("RESULT_NOT_AVAILABLE", b.status);
        }
    }

    private BallotResult resultForUpdate(Ballot b) {
        requireClosed(b);
        BallotResult r = BallotResult.findById(b.id, LockModeType.PESSIMISTIC_WRITE);
        if (r == null) {
            throw ApiException.conflict("SEALED_NOT_DECRYPTED", sealedCount.view(b).missing());
        }
        return r;
    }

    private long count(UUID ballotId) {
        return ((Number) em.createNativeQuery("SELECT count(*) FROM result_countersign WHERE ballot_id = :b")
                .setParameter("b", ballotId).getSingleResult()).longValue();
    }

    ResultView view(BallotResult r) {
        @SuppressWarnings("unchecked")
        List<Object[]> signs = em.createNativeQuery("""
                SELECT coalesce(a.display_name, a.username), s.signed_at FROM result_countersign s
                JOIN account a ON a.id = s.account_id WHERE s.ballot_id = :b ORDER BY s.signed_at""")
                .setParameter("b", r.ballotId).getResultList();
        List<Countersignature> countersignatures = signs.stream()
                .map(row -> new Countersignature((String) row[0], toInstant(row[1]))).toList();
        @SuppressWarnings("unchecked")
        List<Number> number = em.createNativeQuery("SELECT number FROM result_notice WHERE ballot_id = :b")
                .setParameter("b", r.ballotId).getResultList();
        Ballot b = Ballot.findById(r.ballotId);
        return new ResultView(r.status, read(r.figures), countersignatures, config.countersignaturesRequired(), r.chairReason,
                r.auditHead, r.countedAt, r.publishedAt, number.isEmpty() ? null : number.get(0).intValue(),
                ruleSets.text(b.ruleSetId), ruleSets.text(b.adoptsRuleSetId),
                b != null && b.sealed() ? sealedCount.view(b) : null);
    }

    private static Instant toInstant(Object value) {
        return value instanceof Instant i ? i : value instanceof java.time.OffsetDateTime o ? o.toInstant()
                : ((java.sql.Timestamp) value).toInstant();
    }

    ResultFigures read(String text) {
        return json.read(text, ResultFigures.class);
    }

    private String write(ResultFigures f) {
        return json.write(f);
    }

}
