package cn.minsheng.ballot.tally;

/**
 * One item's figures. {@code notVoted} counts the valid ballots that left the item unmarked, so
 * the choice counts and notVoted of an item always add up to the valid ballots.
 *
 * @param rank             competition rank (1, 2, 2, 4) by FOR, or for RATING by satisfied + basically satisfied
 * @param satisfactionRate RATING only: (satisfied + basically satisfied) / valid ballots, null otherwise
 */
public record ItemResult(String itemId, int forCount, int againstCount, int abstainCount, int satisfiedCount,
        int basicallySatisfiedCount, int unsatisfiedCount, int notVoted, boolean passed, int rank, Outcome outcome,
        Fraction satisfactionRate) {

    int count(Choice c) {
        return switch (c) {
            case FOR -> forCount;
            case AGAINST -> againstCount;
            case ABSTAIN -> abstainCount;
            case SATISFIED -> satisfiedCount;
            case BASICALLY_SATISFIED -> basicallySatisfiedCount;
            case UNSATISFIED -> unsatisfiedCount;
        };
    }
}
