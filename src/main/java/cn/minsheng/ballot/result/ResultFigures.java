package cn.minsheng.ballot.result;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import com.fasterxml.jackson.annotation.JsonInclude;

import cn.minsheng.ballot.ballot.BallotService.ThresholdView;
import cn.minsheng.ballot.ballot.Channel;
import cn.minsheng.ballot.ballot.Secrecy;
import cn.minsheng.ballot.tally.BallotKind;
import cn.minsheng.ballot.tally.InvalidReason;
import cn.minsheng.ballot.tally.Method;
import cn.minsheng.ballot.tally.Outcome;
import cn.minsheng.ballot.tally.ShortfallPolicy;
import cn.minsheng.ballot.tally.TiePolicy;
import cn.minsheng.ballot.tally.VoidReason;

/** Every figure DOMAIN.md asks a result to carry, fixed at close: the rules used, attendance, ballots, items. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(requiredProperties = { "ballotId", "title", "kind", "method", "seats", "minSurplus", "seated", "present", "issued", "returned", "valid", "invalid", "notReturned", "voided", "thresholdBase", "items", "selected", "shortfall", "minMarks" })
public record ResultFigures(String ballotId, String sessionId, String title, BallotKind kind, Method method, Secrecy secrecy,
        int seats, Integer maxMarks, ThresholdView threshold, TiePolicy tiePolicy, ShortfallPolicy shortfallPolicy,
        int minSurplus, List<Channel> channels, long seated, long present, long issued, int returned, int valid, int invalid,
        int notReturned, Map<InvalidReason, Integer> invalidByReason, boolean voided, long thresholdBase, List<Item> items,
        List<String> selected, int shortfall, FollowUp followUp, Lot lot, Instant closedAt, Ballots ballots,
        List<VoidReason> voidReasons, cn.minsheng.ballot.ballot.BallotService.TiersView evaluationTiers,
        cn.minsheng.ballot.ballot.BallotService.FollowUpView followUpRules, int minMarks) {

    /**
     * The ballots by channel: each present deputy is issued one, on the tablet or on paper; voters
     * (投票人数) are the deputies present or who took part. The vote is void (voidReasons) when more come
     * back than were issued, in all or from the paper box, or when there are more ballots than voters.
     */
    @Schema(name = "BallotCounts")
    public record Ballots(int electronicIssued, int paperIssued, int electronicReturned, int paperReturned, int voters) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ItemFigures", requiredProperties = { "itemId", "position", "label", "forCount", "againstCount", "abstainCount", "satisfiedCount", "basicallySatisfiedCount", "unsatisfiedCount", "notVoted", "passed", "rank" })
    public record Item(String itemId, int position, String label, int forCount, int againstCount, int abstainCount,
            int satisfiedCount, int basicallySatisfiedCount, int unsatisfiedCount, int notVoted, boolean passed, int rank,
            Outcome outcome, String satisfactionRate, String satisfactionPercent,
            @Schema(description = "the outcome's reason in words: threshold and base, rank, tie and how it was broken, lot seed and draw order, follow-up")
            String reason) {

        Item withOutcome(Outcome o, String why) {
            return new Item(itemId, position, label, forCount, againstCount, abstainCount, satisfiedCount,
                    basicallySatisfiedCount, unsatisfiedCount, notVoted, passed, rank, o, satisfactionRate, satisfactionPercent, why);
        }
    }

    /** What the count left open: a runoff or supplementary ballot (with its id), or the chair's decision. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(requiredProperties = { "kind", "items", "seats" })
    public record FollowUp(String kind, List<String> items, int seats, String ballotId) {
    }

    @Schema(name = "LotDraw")
    public record Lot(long seed, List<String> drawOrder, List<String> winners) {
    }

    ResultFigures withDecision(List<Item> newItems, List<String> newSelected) {
        return new ResultFigures(ballotId, sessionId, title, kind, method, secrecy, seats, maxMarks, threshold, tiePolicy,
                shortfallPolicy, minSurplus, channels, seated, present, issued, returned, valid, invalid, notReturned,
                invalidByReason, voided, thresholdBase, newItems, newSelected, shortfall, followUp, lot, closedAt, ballots,
                voidReasons, evaluationTiers, followUpRules, minMarks);
    }
}
