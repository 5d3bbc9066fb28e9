package cn.minsheng.ballot.tally;

/**
 * The rules of the follow-up ballots (runoff, supplementary) a count may call for, fixed with the
 * first ballot.
 *
 * @param candidates which remaining candidates a supplementary ballot offers
 * @param surplus    BEST_PLACED: how many more candidates than seats, as a fraction of the seats
 *                   (选举法 差额: e.g. 1/5 to 1/2), rounded up and at least one (two candidates for one seat)
 * @param threshold  the follow-up ballots' own threshold, or null for the first ballot's (e.g. most
 *                   votes but at least 1/3 of the ballots cast: 1/3 of BALLOTS_CAST, inclusive)
 */
public record FollowUpRules(Candidates candidates, Fraction surplus, Threshold threshold) {

    public enum Candidates {
        /** every candidate not yet selected (default) */
        ALL_REMAINING,
        /** as 另行选举: the best placed remaining candidates by first-round FOR votes, seats plus the surplus */
        BEST_PLACED
    }

    public static final FollowUpRules DEFAULT = new FollowUpRules(Candidates.ALL_REMAINING, null, null);

    public FollowUpRules {
        if (candidates == null) {
            candidates = Candidates.ALL_REMAINING;
        }
        if (candidates == Candidates.BEST_PLACED && surplus == null) {
            throw new IllegalArgumentException("best-placed candidates need a surplus ratio");
        }
        if (candidates == Candidates.ALL_REMAINING) {
            surplus = null;
        }
    }

    /** How many candidates a BEST_PLACED follow-up offers for the seats: seats + ⌈seats × surplus⌉, at least seats + 1. */
    public int candidatesFor(int seats) {
        long extra = (seats * surplus.numerator() + surplus.denominator() - 1) / surplus.denominator();
        return (int) (seats + Math.max(1, extra));
    }
}
