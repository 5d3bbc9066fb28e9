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

    @Override
    public String toString() {
        return numerator + "/" + denominator;
    }
}
