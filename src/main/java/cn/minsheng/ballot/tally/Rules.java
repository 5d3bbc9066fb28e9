package cn.minsheng.ballot.tally;

/**
 * The counting rules of one ballot, fixed when it opens.
 *
 * @param maxMarks for APPROVAL the most ticks (null = seats); for YES_NO_ABSTAIN the most FOR
 *                 marks (null = no limit); ignored for RATING
 * @param seats    应选数 for SELECTION; ignored otherwise
 * @param tiers    EVALUATION only: the rating tiers (null: the 镇海区 rule over the threshold's fraction and base)
 * @param followUp the rules of runoff and supplementary ballots (null: all remaining candidates, same threshold)
 * @param minMarks APPROVAL and YES_NO_ABSTAIN: the fewest FOR marks of a valid ballot (0: none needed; "exactly N"
 *                 is minMarks = maxMarks = seats); ignored for RATING
 */
public record Rules(BallotKind kind, Method method, int seats, Integer maxMarks, Threshold threshold, TiePolicy tiePolicy,
        ShortfallPolicy shortfallPolicy, EvaluationTiers tiers, FollowUpRules followUp, int minMarks) {

    public Rules {
        if (kind == null || method == null || threshold == null) {
            throw new IllegalArgumentException("kind, method and threshold are required");
        }
        if ((kind == BallotKind.EVALUATION) != (method == Method.RATING)) {
            throw new IllegalArgumentException("EVALUATION ballots, and only they, use the RATING method");
        }
        if (kind == BallotKind.SELECTION && seats < 1) {
            throw new IllegalArgumentException("a selection needs at least one seat");
        }
        if (maxMarks != null && maxMarks < 1) {
            throw new IllegalArgumentException("maxMarks must be at least 1");
        }
        if (tiePolicy == null) {
            tiePolicy = TiePolicy.RUNOFF;
        }
        if (shortfallPolicy == null) {
            shortfallPolicy = ShortfallPolicy.ACCEPT_FEWER;
        }
        if (kind != BallotKind.EVALUATION) {
            tiers = null;
        } else if (tiers == null) {
            tiers = EvaluationTiers.after(threshold.fraction(), threshold.base());
        }
        if (followUp == null) {
            followUp = FollowUpRules.DEFAULT;
        }
        if (minMarks < 0) {
            throw new IllegalArgumentException("minMarks must be at least 0");
        }
        if (method == Method.RATING) {
            minMarks = 0;
        }
        Integer limit = forMarkLimit(method, kind, seats, maxMarks);
        if (limit != null && minMarks > limit) {
            throw new IllegalArgumentException("minMarks " + minMarks + " exceeds the most marks allowed, " + limit);
        }
    }

    public Rules(BallotKind kind, Method method, int seats, Integer maxMarks, Threshold threshold, TiePolicy tiePolicy,
            ShortfallPolicy shortfallPolicy, EvaluationTiers tiers, FollowUpRules followUp) {
        this(kind, method, seats, maxMarks, threshold, tiePolicy, shortfallPolicy, tiers, followUp, 0);
    }

    public Rules(BallotKind kind, Method method, int seats, Integer maxMarks, Threshold threshold, TiePolicy tiePolicy,
            ShortfallPolicy shortfallPolicy, EvaluationTiers tiers) {
        this(kind, method, seats, maxMarks, threshold, tiePolicy, shortfallPolicy, tiers, null);
    }

    public Rules(BallotKind kind, Method method, int seats, Integer maxMarks, Threshold threshold, TiePolicy tiePolicy,
            ShortfallPolicy shortfallPolicy) {
        this(kind, method, seats, maxMarks, threshold, tiePolicy, shortfallPolicy, null, null);
    }

    /** A SECRET-or-NAMED-agnostic selection by approval with the defaults of DOMAIN.md. */
    public static Rules selection(int seats) {
        return new Rules(BallotKind.SELECTION, Method.APPROVAL, seats, null, Threshold.MAJORITY_OF_SEATED, TiePolicy.RUNOFF,
                ShortfallPolicy.ACCEPT_FEWER);
    }

    /** The FOR marks above which a ballot is invalid, or null for no limit. */
    public Integer forMarkLimit() {
        return forMarkLimit(method, kind, seats, maxMarks);
    }

    private static Integer forMarkLimit(Method method, BallotKind kind, int seats, Integer maxMarks) {
        return switch (method) {
            case APPROVAL -> maxMarks != null ? maxMarks : (kind == BallotKind.SELECTION ? seats : null);
            case YES_NO_ABSTAIN -> maxMarks;
            case RATING -> null;
        };
    }
}
