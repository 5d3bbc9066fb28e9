package cn.minsheng.ballot.tally;

/**
 * The tiers of a satisfaction evaluation, each with its own fraction, base and strictness: SATISFIED
 * when the SATISFIED votes pass {@code satisfied}; else BASICALLY_SATISFIED when SATISFIED +
 * BASICALLY_SATISFIED pass {@code basicallySatisfied}; else UNSATISFIED.
 */
public record EvaluationTiers(Threshold satisfied, Threshold basicallySatisfied) {

    public EvaluationTiers {
        if (satisfied == null || basicallySatisfied == null) {
            throw new IllegalArgumentException("an evaluation needs both tiers");
        }
    }

    /**
     * The 镇海区 rule over a fraction of a base: 满意票达到半数以上的为满意 (以上 includes the number
     * itself); 满意票加基本满意票不足半数的（含半数）为不满意 (so BASICALLY_SATISFIED needs more than it).
     */
    public static EvaluationTiers after(Fraction fraction, ThresholdBase base) {
        return new EvaluationTiers(new Threshold(fraction, base, true), new Threshold(fraction, base, false));
    }

    /** SATISFIED at half of all members or more; BASICALLY_SATISFIED when S + BS exceed half. */
    public static final EvaluationTiers DEFAULT = after(Fraction.HALF, ThresholdBase.ALL_SEATED);
}
