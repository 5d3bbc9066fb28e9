package cn.minsheng.ballot.tally;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Every figure of a count.
 *
 * @param returned      收回票数: ballots cast electronically or returned on paper
 * @param notReturned   issued but not returned (未投票)
 * @param voided        the vote is void and must be held again, for the voidReasons
 * @param voidReasons   why it is void: more returned than issued (in all, or from the paper box), more ballots than voters
 * @param paperReturned of the returned ballots, those from the paper box
 * @param thresholdBase the number the threshold fraction was taken of
 * @param selected      SELECTION: the selected items, best first
 * @param shortfall     SELECTION: seats that no passing item filled
 * @param followUp      runoff, chair decision or supplementary ballot still needed, if any
 * @param lot           the lot drawn to break a tie, if any
 */
public record TallyResult(Rules rules, Roster roster, int returned, int valid, int invalid, int notReturned,
        Map<InvalidReason, Integer> invalidByReason, List<InvalidBallot> invalidBallots, boolean voided, List<VoidReason> voidReasons, int paperReturned,
        long thresholdBase,
        List<ItemResult> items, List<String> selected, int shortfall, Optional<FollowUp> followUp, Optional<Lot> lot) {

    public TallyResult {
        invalidByReason = Map.copyOf(invalidByReason);
        invalidBallots = List.copyOf(invalidBallots);
        voidReasons = List.copyOf(voidReasons);
        items = List.copyOf(items);
        selected = List.copyOf(selected);
    }

    public ItemResult item(String itemId) {
        return items.stream().filter(i -> i.itemId().equals(itemId)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no item " + itemId));
    }
}
