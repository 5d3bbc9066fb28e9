package cn.minsheng.ballot.tally;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/** An exact non-negative fraction; thresholds and rates never go through floating point. */
public record Fraction(long numerator, long denominator) {

    public static final Fraction HALF = new Fraction(1, 2);
    public static final Fraction TWO_THIRDS = new Fraction(2, 3);

    public Fraction {
        if (denominator <= 0 || numerator < 0) {
            throw new IllegalArgumentException("a fraction needs numerator >= 0 and denominator > 0");
        }
    }

    /** {@code count > this × base}, or {@code >=} when inclusive (以上 includes the number itself). */
    public boolean exceededBy(long count, long base, boolean inclusive) {
        int cmp = BigInteger.valueOf(count).multiply(BigInteger.valueOf(denominator))
                .compareTo(BigInteger.valueOf(numerator).multiply(BigInteger.valueOf(base)));
        return inclusive ? cmp >= 0 : cmp > 0;
    }

    /** For display only: rounded half-up to the given number of decimals. */
    public BigDecimal toDecimal(int scale) {
        return BigDecimal.valueOf(numerator).divide(BigDecimal.valueOf(denominator), scale, RoundingMode.HALF_UP);
    }

    /** For display only: as a percentage with at most two decimals, e.g. "85.71". */
    public String percent() {
        return toDecimal(4).movePointRight(2).stripTrailingZeros().toPlainString();
    }

    /** The inverse of {@link #toString()}: "6/7". */
    public static Fraction parse(String text) {
        int slash = text.indexOf('/');
        if (slash < 0) {
            throw new IllegalArgumentException("a fraction is written n/d: " + text);
        }
        return new Fraction(Long.parseLong(text.substring(0, slash).trim()), Long.parseLong(text.substring(slash + 1).trim()));
    }

    @Override
    public String toString() {
        return numerator + "/" + denominator;
    }
}
