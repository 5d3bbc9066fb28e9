package cn.minsheng.ballot.ballot;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import cn.minsheng.ballot.common.Caller;
import cn.minsheng.ballot.audit.AuditLog;
import cn.minsheng.ballot.common.ApiException;
import cn.minsheng.ballot.proposal.Candidate;
import cn.minsheng.ballot.session.Session;
import cn.minsheng.ballot.session.SessionService;
import cn.minsheng.ballot.session.SessionStatus;
import cn.minsheng.ballot.slate.Slate;
import cn.minsheng.ballot.slate.SlateService;
import cn.minsheng.ballot.slate.SurplusRule;
import cn.minsheng.ballot.tally.BallotKind;
import cn.minsheng.ballot.tally.Fraction;
import cn.minsheng.ballot.tally.Method;
import cn.minsheng.ballot.tally.ShortfallPolicy;
import cn.minsheng.ballot.tally.ThresholdBase;
import cn.minsheng.ballot.tally.TiePolicy;
import io.quarkus.panache.common.Sort;

/** Ballots: their rules and items while DRAFT, and opening under quorum and the surplus rule. */
@ApplicationScoped
@Transactional
public class BallotService {

    public record Spec(String title, BallotKind kind, Method method, Secrecy secrecy, Integer seats, Integer maxMarks,
            UUID slateId, List<UUID> itemIds, String motion, Fraction thresholdFraction, ThresholdBase thresholdBase,
            Boolean thresholdInclusive, TiePolicy tiePolicy, ShortfallPolicy shortfallPolicy, Integer minSurplus,
            List<Channel> channels, Boolean acceptOvermarked, cn.minsheng.ballot.tally.EvaluationTiers evaluationTiers,
            cn.minsheng.ballot.tally.FollowUpRules followUp, Integer minMarks, UUID ruleSetId, UUID adoptsRuleSetId) {
    }

    public record ItemView(String id, int position, String label) {
    }

    /** The rules of runoff and supplementary ballots, fixed with the first ballot; threshold absent: the first ballot's. */
    public record FollowUpView(cn.minsheng.ballot.tally.FollowUpRules.Candidates candidates, @Schema(nullable = true) String surplus,
            @Schema(nullable = true) ThresholdView threshold) {
        public static FollowUpView of(cn.minsheng.ballot.tally.FollowUpRules f) {
            return new FollowUpView(f.candidates(), f.surplus() == null ? null : f.surplus().toString(),
                    f.threshold() == null ? null : ThresholdView.of(f.threshold()));
        }
    }

    public record ThresholdView(String fraction, ThresholdBase base, boolean inclusive) {
        public static ThresholdView of(cn.minsheng.ballot.tally.Threshold t) {
            return new ThresholdView(t.fraction().toString(), t.base(), t.inclusive());
        }
    }

    /** EVALUATION: SATISFIED when SATISFIED votes pass {@code satisfied}; else BASICALLY_SATISFIED when S + BS pass the other. */
    public record TiersView(ThresholdView satisfied, ThresholdView basicallySatisfied) {
        public static TiersView of(cn.minsheng.ballot.tally.EvaluationTiers t) {
            return t == null ? null : new TiersView(ThresholdView.of(t.satisfied()), ThresholdView.of(t.basicallySatisfied()));
        }
    }

    public record BallotView(String id, String sessionId, @Schema(nullable = true) String slateId, @Schema(nullable = true) String parentBallotId, String title, BallotKind kind,
            Method method, Secrecy secrecy, int seats, @Schema(nullable = true) Integer maxMarks, ThresholdView threshold, TiePolicy tiePolicy,
            ShortfallPolicy shortfallPolicy, int minSurplus, List<Channel> channels, boolean acceptOvermarked,
            BallotStatus status, @Schema(nullable = true) Instant openedAt, @Schema(nullable = true) Instant closedAt, List<ItemView> items,
            @Schema(nullable = true, description = "the most FOR marks a valid ballot may carry, as the count applies it (maxMarks, or the seats for a selection by approval); absent: no limit")
            Integer markLimit,
            @Schema(nullable = true, description = "for a deputy: whether they have cast this ballot; absent for other roles")
            Boolean voted,
            @Schema(nullable = true, description = "EVALUATION only: the rating tiers, each with its fraction, base and strictness")
            TiersView evaluationTiers,
            @Schema(nullable = true, description = "the rules of the runoff and supplementary ballots this ballot may call for")
            FollowUpView followUp,
            @Schema(description = "the fewest FOR marks a valid ballot carries (0: none needed); a ballot with fewer is invalid (TOO_FEW_MARKS)")
            int minMarks,
            @Schema(nullable = true, description = "the adopted rule set (票决办法) the rules were copied from; absent: none")
            String ruleSetId,
            @Schema(nullable = true, description = "MOTION: the rule set this motion adopts when it passes and its result is published")
            String adoptsRuleSetId,
            @Schema(description = "sealed: the tablet encrypts the ballot under the scrutineers' key (GET /ballots/{id}/seal); fixed when the ballot opens")
            boolean sealed) {
    }

    @Inject
    Caller caller;

    @Inject
    cn.minsheng.ballot.common.LiveChanges live;

    @Inject
    jakarta.persistence.EntityManager em;

    @Inject
    SessionService sessions;

    @Inject
    SlateService slates;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    RatedProjects ratedProjects;

    @Inject
    RuleSetService ruleSets;

    /** A ballot from the request, with the rules of the rule set it names (if any) copied in. */
    public BallotView create(UUID sessionId, BallotResource.CreateBallot r) {
        return create(sessionId, ruleSets.applied(sessions.find(sessionId).congressId, r).spec());
    }

    public BallotView update(UUID ballotId, BallotResource.CreateBallot r) {
        return update(ballotId, ruleSets.applied(find(ballotId).congressId, r).spec());
    }

    @Inject
    CeremonyService ceremonies;

    @Inject
    BallotConfig.Seal sealConfig;

    public BallotView create(UUID sessionId, Spec spec) {
        Session session = sessions.find(sessionId);
        if (session.status == SessionStatus.CLOSED) {
            throw ApiException.conflict("SESSION_NOT_OPEN", session.status);
        }
        Ballot b = new Ballot();
        b.congressId = session.congressId;
        b.sessionId = session.id;
        b.status = BallotStatus.DRAFT;
        b.createdAt = clock.instant();
        apply(b, spec);
        audit.append(b.congressId, "ballot.created", "ballot", b.id, rulesSummary(b));
        live.session(session.id);
        return view(b);
    }

    /** The ballot's next state in {@link BallotLifecycle}, or the machine's refusal as a 409 with its code. */
    public static BallotStatus move(BallotStatus from, BallotLifecycle.BallotEvent event) {
        try {
            return BallotLifecycle.next(from, event);
        } catch (BallotLifecycle.Refused r) {
            throw ApiException.conflict(r.code(), r.args());
        }
    }

    /** The result's next stage in {@link BallotLifecycle}, or the machine's refusal as a 409 with its code. */
    public static BallotLifecycle.ResultStage move(BallotLifecycle.ResultStage from, BallotLifecycle.ResultEvent event) {
        try {
            return BallotLifecycle.next(from, event);
        } catch (BallotLifecycle.Refused r) {
            throw ApiException.conflict(r.code(), r.args());
        }
    }

    /** Rules and items change only while DRAFT; from opening on they are fixed. */
    public BallotView update(UUID ballotId, Spec spec) {
        Ballot b = findForUpdate(ballotId);
        move(b.status, BallotLifecycle.BallotEvent.EDIT);
        BallotItem.delete("ballotId", b.id);
        BallotItem.flush();
        apply(b, spec);
        audit.append(b.congressId, "ballot.updated", "ballot", b.id, rulesSummary(b));
        return view(b);
    }

    /** Opens only while the session's quorum holds and the slate meets the surplus rule; a slate freezes. */
    public BallotView open(UUID ballotId) {
        Ballot b = findForUpdate(ballotId);
        BallotStatus next = move(b.status, BallotLifecycle.BallotEvent.OPEN);
        Session session = Session.findById(b.sessionId);
        if (session.status != SessionStatus.OPEN) {
            throw ApiException.conflict("SESSION_NOT_OPEN", session.status);
        }
        SessionService.AttendanceView attendance = sessions.figures(session, null);
        if (!attendance.quorum().met()) {
            throw ApiException.conflict("QUORUM_NOT_MET", attendance.present(), attendance.seated(), attendance.quorum().required());
        }
        int items = (int) BallotItem.count("ballotId", b.id);
        if (b.kind == BallotKind.SELECTION) {
            SurplusRule.check(items, b.seats, b.minSurplus);
        }
        b.ceremonyId = null;
        if (b.secrecy == Secrecy.SECRET) {
            java.util.Optional<CeremonyService.CeremonyView> ceremony = ceremonies.live(session.id);
            if (ceremony.isPresent() && ceremony.get().status() != CeremonyService.CeremonyStatus.DONE) {
                throw ApiException.conflict("CEREMONY_NOT_FINISHED", ceremony.get().missing());
            }
            if (ceremony.isEmpty() && sealConfig.requireCeremony()) {
                throw ApiException.conflict("CEREMONY_REQUIRED");
            }
            if (ceremony.isPresent()) {
                b.ceremonyId = UUID.fromString(ceremony.get().id());
                try {
                    SealLayouts.of(b);
                } catch (IllegalArgumentException e) {
                    throw ApiException.conflict("RULES_INVALID", e.getMessage());
                }
            }
        }
        if (b.slateId != null) {
            slates.freeze(b.slateId);
        }
        b.status = next;
        b.openedAt = clock.instant();
        Map<String, Object> opened = new LinkedHashMap<>(Map.of("seated", attendance.seated(), "present", attendance.present()));
        if (b.sealed()) {
            opened.put("ceremony", b.ceremonyId.toString());
        }
        audit.append(b.congressId, "ballot.opened", "ballot", b.id, opened);
        live.ballot(b.id);
        return view(b);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public BallotView get(UUID ballotId) {
        return view(find(ballotId));
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<BallotView> list(UUID sessionId) {
        Session session = sessions.find(sessionId);
        return Ballot.<Ballot>find("sessionId", Sort.by("createdAt").and("id"), session.id).list().stream().map(this::view)
                .toList();
    }

    /** A runoff or supplementary ballot the count asked for: same session and rules, among the given items. */
    public Ballot followUp(Ballot parent, String suffix, List<UUID> itemIds, int seats) {
        Ballot b = new Ballot();
        b.congressId = parent.congressId;
        b.sessionId = parent.sessionId;
        b.parentBallotId = parent.id;
        b.title = parent.title + suffix;
        b.kind = parent.kind;
        b.method = parent.method;
        b.secrecy = parent.secrecy;
        b.seats = seats;
        b.maxMarks = parent.maxMarks == null ? null : Math.min(parent.maxMarks, seats);
        // "exactly as many as the seats" stays so for the seats of the follow-up
        b.minMarks = parent.minMarks >= parent.seats && parent.minMarks > 0 ? seats : Math.min(parent.minMarks, seats);
        // the follow-up's own threshold when the first ballot fixed one, else the first ballot's
        cn.minsheng.ballot.tally.Threshold own = parent.followUpRules().threshold();
        b.thresholdNumerator = own == null ? parent.thresholdNumerator : (int) own.fraction().numerator();
        b.thresholdDenominator = own == null ? parent.thresholdDenominator : (int) own.fraction().denominator();
        b.thresholdBase = own == null ? parent.thresholdBase : own.base();
        b.thresholdInclusive = own == null ? parent.thresholdInclusive : own.inclusive();
        b.followUpCandidates = parent.followUpCandidates;
        b.followUpSurplus = parent.followUpSurplus;
        b.followUpThreshold = parent.followUpThreshold;
        b.tiePolicy = parent.tiePolicy;
        b.shortfallPolicy = parent.shortfallPolicy;
        b.minSurplus = 0;
        b.electronic = parent.electronic;
        b.paper = parent.paper;
        b.acceptOvermarked = parent.acceptOvermarked;
        b.evaluationTiers = parent.evaluationTiers;
        b.ruleSetId = parent.ruleSetId;
        b.status = BallotStatus.DRAFT;
        b.createdAt = clock.instant();
        b.persist();
        Map<UUID, String> labels = new LinkedHashMap<>();
        BallotItem.of(parent.id).forEach(i -> labels.put(i.itemId, i.label));
        int position = 1;
        for (UUID id : itemIds) {
            addItem(b, id, position++, labels.get(id));
        }
        audit.appendAsSystem(b.congressId, "ballot.created", "ballot", b.id,
                Map.of("parent", parent.id.toString(), "seats", seats, "items", itemIds.stream().map(UUID::toString).toList()));
        return b;
    }

    private void apply(Ballot b, Spec s) {
        b.title = s.title();
        b.kind = s.kind();
        b.method = s.method() != null ? s.method() : switch (s.kind()) {
            case SELECTION -> Method.APPROVAL;
            case EVALUATION -> Method.RATING;
            case MOTION -> Method.YES_NO_ABSTAIN;
        };
        b.secrecy = s.secrecy() == null ? Secrecy.SECRET : s.secrecy();
        Slate slate = null;
        if (s.slateId() != null) {
            slate = Slate.<Slate>findByIdOptional(s.slateId()).filter(x -> x.congressId.equals(b.congressId))
                    .orElseThrow(() -> ApiException.notFound("slate"));
        }
        b.slateId = s.slateId();
        b.seats = s.seats() != null ? s.seats() : slate != null ? slate.seats : b.kind == BallotKind.SELECTION ? 0 : 1;
        b.minSurplus = s.minSurplus() != null ? s.minSurplus() : slate != null ? slate.minSurplus : 0;
        b.maxMarks = s.maxMarks();
        b.minMarks = s.minMarks() == null ? 0 : s.minMarks();
        Fraction f = s.thresholdFraction() == null ? Fraction.HALF : s.thresholdFraction();
        b.thresholdNumerator = (int) f.numerator();
        b.thresholdDenominator = (int) f.denominator();
        b.thresholdBase = s.thresholdBase() == null ? ThresholdBase.ALL_SEATED : s.thresholdBase();
        b.thresholdInclusive = Boolean.TRUE.equals(s.thresholdInclusive());
        b.tiePolicy = s.tiePolicy() == null ? TiePolicy.RUNOFF : s.tiePolicy();
        b.shortfallPolicy = s.shortfallPolicy() == null ? ShortfallPolicy.ACCEPT_FEWER : s.shortfallPolicy();
        List<Channel> channels = s.channels() == null || s.channels().isEmpty() ? List.of(Channel.ELECTRONIC) : s.channels();
        b.electronic = channels.contains(Channel.ELECTRONIC);
        b.paper = channels.contains(Channel.PAPER);
        b.acceptOvermarked = Boolean.TRUE.equals(s.acceptOvermarked());
        if (s.evaluationTiers() != null && b.kind != BallotKind.EVALUATION) {
            throw ApiException.badRequest("RULES_INVALID", "evaluationTiers apply to EVALUATION ballots only");
        }
        b.evaluationTiers = TierText.write(s.evaluationTiers());
        cn.minsheng.ballot.tally.FollowUpRules followUp = s.followUp() == null ? cn.minsheng.ballot.tally.FollowUpRules.DEFAULT
                : s.followUp();
        b.followUpCandidates = followUp.candidates();
        b.followUpSurplus = followUp.surplus() == null ? null : followUp.surplus().toString();
        b.followUpThreshold = followUp.threshold() == null ? null : TierText.one(followUp.threshold());
        b.ruleSetId = s.ruleSetId();
        if (s.adoptsRuleSetId() != null) {
            ruleSets.checkAdoptable(b, s.adoptsRuleSetId());
        }
        b.adoptsRuleSetId = s.adoptsRuleSetId();
        try {
            b.rules();
        } catch (IllegalArgumentException e) {
            throw ApiException.badRequest("RULES_INVALID", e.getMessage());
        }
        b.persist();
        if (b.kind == BallotKind.MOTION) {
            if (s.motion() == null || s.motion().isBlank()) {
                throw ApiException.badRequest("MOTION_REQUIRED");
            }
            addItem(b, UUID.randomUUID(), 1, s.motion());
            return;
        }
        List<UUID> ids = slate != null ? slateCandidates(slate.id) : s.itemIds() == null ? List.of() : s.itemIds();
        if (ids.isEmpty()) {
            throw ApiException.badRequest("ITEMS_REQUIRED");
        }
        if (new HashSet<>(ids).size() != ids.size()) {
            throw ApiException.badRequest("DUPLICATE_CANDIDATE");
        }
        int position = 1;
        for (UUID id : ids) {
            addItem(b, id, position++, itemLabel(b, id));
        }
    }

    /** Items are candidates; an EVALUATION may also rate projects (last year's, usually). */
    private String itemLabel(Ballot b, UUID id) {
        java.util.Optional<String> candidate = Candidate.<Candidate>findByIdOptional(id)
                .filter(x -> x.congressId.equals(b.congressId)).map(x -> x.title);
        if (candidate.isPresent() || b.kind != BallotKind.EVALUATION) {
            return candidate.orElseThrow(() -> ApiException.badRequest("UNKNOWN_CANDIDATE", id));
        }
        return ratedProjects.title(b.congressId, id).orElseThrow(() -> ApiException.badRequest("UNKNOWN_CANDIDATE", id));
    }

    private static List<UUID> slateCandidates(UUID slateId) {
        return cn.minsheng.ballot.slate.SlateItem.<cn.minsheng.ballot.slate.SlateItem>find("slateId", Sort.by("position"), slateId)
                .list().stream().map(i -> i.candidateId).toList();
    }

    private static void addItem(Ballot b, UUID id, int position, String label) {
        BallotItem item = new BallotItem();
        item.ballotId = b.id;
        item.itemId = id;
        item.position = position;
        item.label = label;
        item.persist();
    }

    private static Map<String, Object> rulesSummary(Ballot b) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("title", b.title);
        m.put("kind", b.kind);
        m.put("method", b.method);
        m.put("secrecy", b.secrecy);
        m.put("seats", b.seats);
        m.put("threshold", b.thresholdNumerator + "/" + b.thresholdDenominator + " " + b.thresholdBase
                + (b.thresholdInclusive ? " inclusive" : ""));
        m.put("items", BallotItem.of(b.id).stream().map(i -> i.itemId.toString()).toList());
        return m;
    }

    public Ballot find(UUID id) {
        Ballot b = caller.scoped(Ballot.<Ballot>findByIdOptional(id), x -> x.congressId, "ballot");
        return b;
    }

    public Ballot findForUpdate(UUID id) {
        Ballot b = caller.scoped(Ballot.<Ballot>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE), x -> x.congressId, "ballot");
        return b;
    }

    public BallotView view(Ballot b) {
        List<ItemView> items = new ArrayList<>();
        for (BallotItem i : BallotItem.of(b.id)) {
            items.add(new ItemView(i.itemId.toString(), i.position, i.label));
        }
        return new BallotView(b.id.toString(), b.sessionId.toString(), str(b.slateId), str(b.parentBallotId), b.title, b.kind,
                b.method, b.secrecy, b.seats, b.maxMarks,
                new ThresholdView(b.thresholdNumerator + "/" + b.thresholdDenominator, b.thresholdBase, b.thresholdInclusive),
                b.tiePolicy, b.shortfallPolicy, b.minSurplus, b.channels(), b.acceptOvermarked, b.status, b.openedAt, b.closedAt,
                items, b.rules().forMarkLimit(), voted(b), TiersView.of(b.rules().tiers()), FollowUpView.of(b.followUpRules()),
                b.rules().minMarks(), str(b.ruleSetId), str(b.adoptsRuleSetId), b.sealed());
    }

    /** Who voted is not secret (what they chose is): a tablet that lost its memory learns it here. */
    private Boolean voted(Ballot b) {
        if (!caller.is(cn.minsheng.ballot.common.Role.DEPUTY) || caller.deputyId().isEmpty()) {
            return null;
        }
        return !em.createNativeQuery("SELECT 1 FROM participation WHERE ballot_id = :b AND deputy_id = :d")
                .setParameter("b", b.id).setParameter("d", caller.deputyId().get()).getResultList().isEmpty();
    }

    private static String str(UUID id) {
        return id == null ? null : id.toString();
    }
}
