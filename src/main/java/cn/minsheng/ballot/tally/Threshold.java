package cn.minsheng.ballot.tally;

/**
 * An item passes when its count exceeds {@code fraction × base}. Strict by default (过半数, more
 * than half); {@code inclusive} for rules worded 以上 (e.g. 三分之二以上, two thirds or more).
 */
public record Threshold(Fraction fraction, ThresholdBase base, boolean inclusive) {

    /** 全体代表过半数: more than half of all seated deputies. */
    public static final Threshold MAJORITY_OF_SEATED = new Threshold(Fraction.HALF, ThresholdBase.ALL_SEATED, false);

    public Threshold {
        if (fraction == null || base == null) {
            throw new IllegalArgumentException("a threshold needs a fraction and a base");
        }
    }

    public boolean passes(long count, long baseValue) {
        return fraction.exceededBy(count, baseValue, inclusive);
    }
}
