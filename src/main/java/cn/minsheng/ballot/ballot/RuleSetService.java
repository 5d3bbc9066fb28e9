package cn.minsheng.ballot.ballot;

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
import cn.minsheng.ballot.audit.AuditLog;
import cn.minsheng.ballot.common.ApiException;
import cn.minsheng.ballot.common.Caller;
import cn.minsheng.ballot.congress.Congress;
import cn.minsheng.ballot.tally.BallotKind;
import io.quarkus.panache.common.Sort;

/**
 * Rule sets (票决办法): kept by the secretariat, changed only while DRAFT and no motion that adopts
 * it is being voted on, adopted by the passed and published result of a MOTION ballot that names it,
 * then final. Only an adopted set creates ballots (a draft is a proposal, not yet the congress's rule).
 */
@ApplicationScoped
@Transactional
public class RuleSetService {

    public record Input(String name, BallotKind kind, String text, RuleFields rules) {
    }

    @Schema(name = "RuleSet", description = "a rule set (票决办法): named ballot rules with their wording")
    public record RuleSetView(@Schema(required = true) String id, @Schema(required = true) String congressId,
            @Schema(required = true) String name,
            @Schema(required = true, description = "the kind of ballot the set is for") BallotKind kind,
            @Schema(required = true, description = "the 办法's wording, for the public") String text,
            @Schema(required = true) RuleFields rules, @Schema(required = true) RuleSet.Status status,
            @Schema(nullable = true, description = "the MOTION ballot whose published result adopted the set") String adoptedByBallotId,
            @Schema(nullable = true) Instant adoptedAt, @Schema(required = true) Instant createdAt, @Schema(required = true) Instant updatedAt) {
    }

    /** What the public reads of the set a result was made under (or a motion adopted). */
    @Schema(name = "RuleSetText", description = "the name and wording of a rule set (票决办法), as the public reads them")
    public record RuleSetText(@Schema(required = true) String id, @Schema(required = true) String name,
            @Schema(required = true) String text, @Schema(required = true) RuleSet.Status status,
            @Schema(nullable = true) String adoptedByBallotId, @Schema(nullable = true) Instant adoptedAt) {
        static RuleSetText of(RuleSet s) {
            return new RuleSetText(s.id.toString(), s.name, s.text, s.status,
                    s.adoptedByBallotId == null ? null : s.adoptedByBallotId.toString(), s.adoptedAt);
        }
    }

    @Inject
    Caller caller;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    Json json;

    @Inject
    EntityManager em;

    public RuleSetView create(UUID pathCongressId, Input in) {
        UUID congressId = caller.congress(pathCongressId);
        in.rules().check(in.kind());
        nameFree(congressId, in.name(), null);
        RuleSet s = new RuleSet();
        s.congressId = congressId;
        s.status = RuleSet.Status.DRAFT;
        s.createdAt = clock.instant();
        fill(s, in);
        s.persist();
        audit.append(congressId, "rule_set.created", "rule_set", s.id, Map.of("name", s.name, "kind", s.kind));
        return view(s);
    }

    public RuleSetView update(UUID id, Input in) {
        RuleSet s = caller.scoped(RuleSet.<RuleSet>findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE), x -> x.congressId, "ruleSet");
        if (s.status == RuleSet.Status.ADOPTED) {
            throw ApiException.conflict("RULE_SET_ADOPTED", s.name);
        }
        if (underVote(s.id)) {
            throw ApiException.conflict("RULE_SET_UNDER_VOTE", s.name);
        }
        in.rules().check(in.kind());
        nameFree(s.congressId, in.name(), s.id);
        fill(s, in);
        audit.append(s.congressId, "rule_set.updated", "rule_set", s.id, Map.of("name", s.name, "kind", s.kind));
        return view(s);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<RuleSetView> list(UUID pathCongressId) {
        return RuleSet.<RuleSet>find("congressId", Sort.by("createdAt").and("id"), caller.congress(pathCongressId)).list().stream()
                .map(this::view).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public RuleSetView get(UUID id) {
        return view(caller.scoped(RuleSet.<RuleSet>findByIdOptional(id), x -> x.congressId, "ruleSet"));
    }

    /** An adopted set, for anyone: a draft is not the congress's rule and stays with the secretariat. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public RuleSetText published(String congressCode, UUID id) {
        UUID congressId = Congress.findByCode(congressCode).orElseThrow(() -> ApiException.notFound("congress")).id;
        return RuleSet.<RuleSet>findByIdOptional(id).filter(s -> s.congressId.equals(congressId) && s.status == RuleSet.Status.ADOPTED)
                .map(RuleSetText::of).orElseThrow(() -> ApiException.notFound("ruleSet"));
    }

    /** The set's text for a result: the set the ballot was made under, or the one it adopts. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public RuleSetText text(UUID id) {
        return id == null ? null : RuleSet.<RuleSet>findByIdOptional(id).map(RuleSetText::of).orElse(null);
    }

    /**
     * The create request of a ballot in this session with the rules of the set it names: the set must
     * be of the session's congress (400 RULE_SET_UNKNOWN), adopted (409 RULE_SET_NOT_ADOPTED), for the
     * ballot's kind (400 RULE_SET_KIND); a rule the request sets otherwise is 400 RULE_SET_CONFLICT.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public BallotResource.CreateBallot applied(UUID congressId, BallotResource.CreateBallot r) {
        if (r.ruleSetId() == null) {
            return r;
        }
        RuleSet s = RuleSet.<RuleSet>findByIdOptional(r.ruleSetId()).filter(x -> x.congressId.equals(congressId))
                .orElseThrow(() -> ApiException.badRequest("RULE_SET_UNKNOWN"));
        if (s.status != RuleSet.Status.ADOPTED) {
            throw ApiException.conflict("RULE_SET_NOT_ADOPTED", s.name);
        }
        if (s.kind != r.kind()) {
            throw ApiException.badRequest("RULE_SET_KIND", s.name, s.kind);
        }
        List<String> conflicts = new ArrayList<>();
        BallotResource.CreateBallot applied = rules(s).applyTo(r, conflicts);
        if (!conflicts.isEmpty()) {
            throw ApiException.badRequest("RULE_SET_CONFLICT", s.name, conflicts.get(0));
        }
        return applied;
    }

    /** A MOTION ballot may name the set it adopts: a draft set of its congress. */
    @Transactional(Transactional.TxType.MANDATORY)
    void checkAdoptable(Ballot b, UUID setId) {
        RuleSet s = RuleSet.<RuleSet>findByIdOptional(setId).filter(x -> x.congressId.equals(b.congressId))
                .orElseThrow(() -> ApiException.badRequest("RULE_SET_UNKNOWN"));
        if (b.kind != BallotKind.MOTION) {
            throw ApiException.badRequest("RULE_SET_ADOPTED_BY_MOTION");
        }
        if (s.status == RuleSet.Status.ADOPTED) {
            throw ApiException.conflict("RULE_SET_ADOPTED", s.name);
        }
    }

    /** The motion passed and its result is published: the set it names becomes the congress's rule (once). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void adopt(Ballot motion) {
        RuleSet s = RuleSet.findById(motion.adoptsRuleSetId, LockModeType.PESSIMISTIC_WRITE);
        if (s == null || s.status == RuleSet.Status.ADOPTED) {
            return;
        }
        s.status = RuleSet.Status.ADOPTED;
        s.adoptedByBallotId = motion.id;
        s.adoptedAt = clock.instant();
        s.updatedAt = s.adoptedAt;
        audit.appendAsSystem(s.congressId, "rule_set.adopted", "rule_set", s.id, Map.of("ballot", motion.id.toString()));
    }

    /** A motion that adopts the set is open, or closed and its result not yet published. */
    private boolean underVote(UUID setId) {
        return !em.createNativeQuery("""
                SELECT 1 FROM ballot b LEFT JOIN ballot_result r ON r.ballot_id = b.id
                WHERE b.adopts_rule_set_id = :s AND b.status <> 'DRAFT' AND (r.status IS NULL OR r.status <> 'PUBLISHED')""")
                .setParameter("s", setId).getResultList().isEmpty();
    }

    private void nameFree(UUID congressId, String name, UUID self) {
        boolean taken = RuleSet.<RuleSet>find("congressId = ?1 and name = ?2", congressId, name.strip()).stream()
                .anyMatch(x -> !x.id.equals(self));
        if (taken) {
            throw ApiException.conflict("RULE_SET_NAME_TAKEN", name.strip());
        }
    }

    private void fill(RuleSet s, Input in) {
        s.name = in.name().strip();
        s.kind = in.kind();
        s.text = in.text();
        s.rules = write(in.rules());
        s.updatedAt = clock.instant();
    }

    RuleFields rules(RuleSet s) {
        return json.read(s.rules, RuleFields.class);
    }

    private String write(RuleFields r) {
        return json.write(r);
    }

    private RuleSetView view(RuleSet s) {
        return new RuleSetView(s.id.toString(), s.congressId.toString(), s.name, s.kind, s.text, rules(s), s.status,
                s.adoptedByBallotId == null ? null : s.adoptedByBallotId.toString(), s.adoptedAt, s.createdAt, s.updatedAt);
    }
}
