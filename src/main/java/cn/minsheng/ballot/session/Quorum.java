package cn.minsheng.ballot.session;

import cn.minsheng.ballot.tally.Fraction;

/** 法定人数: present must exceed (or, inclusive, reach) the fraction of the seated. */
public record Quorum(String fraction, boolean inclusive, long required, boolean met) {

    public static Quorum of(Fraction f, boolean inclusive, long seated, long present) {
        long product = f.numerator() * seated;
        long required = inclusive ? (product + f.denominator() - 1) / f.denominator() : product / f.denominator() + 1;
        return new Quorum(f.toString(), inclusive, required, f.exceededBy(present, seated, inclusive));
    }
}
