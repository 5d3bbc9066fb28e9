package cn.minsheng.ballot.ballot;

import java.util.List;
import java.util.Objects;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import cn.minsheng.ballot.ballot.BallotResource.CreateBallot;
import cn.minsheng.ballot.ballot.BallotResource.FollowUpRule;
import cn.minsheng.ballot.ballot.BallotResource.ThresholdRule;
import cn.minsheng.ballot.ballot.BallotResource.TiersRule;
import cn.minsheng.ballot.tally.Method;
import cn.minsheng.ballot.tally.ShortfallPolicy;
import cn.minsheng.ballot.tally.TiePolicy;

/**
 * The rule fields of a ballot's create request that a rule set (票决办法) fixes: everything but the
 * title, the items and the seats (which belong to each ballot). A field left out takes the ballot's
 * default, as on create.
 */
@Schema(name = "RuleFields", description = "the ballot rules a rule set fixes, as createBallot takes them; absent: the default")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RuleFields(Method method, Secrecy secrecy, @Min(1) @Max(500) Integer maxMarks, @Min(0) @Max(500) Integer minMarks,
        @Valid ThresholdRule threshold, TiePolicy tiePolicy, ShortfallPolicy shortfallPolicy, @Min(0) @Max(500) Integer minSurplus,
        @Size(max = 2) List<Channel> channels, Boolean acceptOvermarked, @Valid TiersRule evaluationTiers,
        @Valid FollowUpRule followUp) {

    /** The create request with the set's rules in place; the names (words.properties rule.*) of fields the request set otherwise. */
    CreateBallot applyTo(CreateBallot r, List<String> conflicts) {
        return new CreateBallot(r.title(), r.kind(), pick(method, r.method(), "method", conflicts),
                pick(secrecy, r.secrecy(), "secrecy", conflicts), r.seats(), pick(maxMarks, r.maxMarks(), "maxMarks", conflicts),
                r.slateId(), r.itemIds(), r.motion(), pick(threshold, r.threshold(), "threshold", conflicts),
                pick(tiePolicy, r.tiePolicy(), "tiePolicy", conflicts), pick(shortfallPolicy, r.shortfallPolicy(), "shortfallPolicy", conflicts),
                pick(minSurplus, r.minSurplus(), "minSurplus", conflicts), pick(channels, r.channels(), "channels", conflicts),
                pick(acceptOvermarked, r.acceptOvermarked(), "acceptOvermarked", conflicts),
                pick(evaluationTiers, r.evaluationTiers(), "evaluationTiers", conflicts), pick(followUp, r.followUp(), "followUp", conflicts),
                pick(minMarks, r.minMarks(), "minMarks", conflicts), r.ruleSetId(), r.adoptsRuleSetId());
    }

    private static <T> T pick(T set, T asked, String field, List<String> conflicts) {
        if (asked != null && !Objects.equals(set, asked)) {
            conflicts.add("rule." + field);
        }
        return set;
    }

    /** Checks what can be checked without a ballot: fractions, tiers only for EVALUATION, follow-up rules; throws RULES_INVALID. */
    void check(cn.minsheng.ballot.tally.BallotKind kind) {
        if (evaluationTiers != null) {
            if (kind != cn.minsheng.ballot.tally.BallotKind.EVALUATION) {
                throw cn.minsheng.ballot.common.ApiException.badRequest("RULES_INVALID", "evaluationTiers apply to EVALUATION ballots only");
            }
            evaluationTiers.tiers();
        }
        if (threshold != null) {
            threshold.threshold("threshold.fraction", cn.minsheng.ballot.tally.ThresholdBase.ALL_SEATED);
        }
        if (followUp != null) {
            followUp.rules();
        }
        if (minMarks != null && maxMarks != null && minMarks > maxMarks) {
            throw cn.minsheng.ballot.common.ApiException.badRequest("RULES_INVALID", "minMarks > maxMarks");
        }
    }
}
