package cn.minsheng.ballot.tally;

/** Numbers and fractions as Chinese documents write them: 二分之一, 三分之二, 一百零一. */
public final class ChineseNumber {

    private static final String DIGITS = "零一二三四五六七八九";
    private static final String[] UNITS = { "", "十", "百", "千" };

    private ChineseNumber() {
    }

    /** 0 to 9999 in words: 十, 十一, 二十, 一百零一, 一千零五十. */
    public static String of(long n) {
        if (n < 0 || n > 9999) {
            return Long.toString(n);
        }
        if (n == 0) {
            return "零";
        }
        StringBuilder s = new StringBuilder();
        String digits = Long.toString(n);
        boolean zero = false;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(i) - '0';
            int unit = digits.length() - 1 - i;
            if (d == 0) {
                zero = true;
                continue;
            }
            if (zero && s.length() > 0) {
                s.append('零');
            }
            zero = false;
            if (!(d == 1 && unit == 1 && s.length() == 0)) {
                s.append(DIGITS.charAt(d));
            }
            s.append(UNITS[unit]);
        }
        return s.toString();
    }

    /** 1/2 → 二分之一; 2/3 → 三分之二; 1/1 → 全部. */
    public static String of(Fraction f) {
        if (f.numerator() == f.denominator()) {
            return "全部";
        }
        return of(f.denominator()) + "分之" + of(f.numerator());
    }

    /** Each digit as written in a date's year: 2027 → 二〇二七. */
    public static String digits(long n) {
        StringBuilder s = new StringBuilder();
        for (char c : Long.toString(n).toCharArray()) {
            s.append(c == '0' ? '〇' : DIGITS.charAt(c - '0'));
        }
        return s.toString();
    }

    /** A date as an official document writes it: 2027-01-12 → 二〇二七年一月十二日. */
    public static String date(java.time.LocalDate d) {
        return digits(d.getYear()) + "年" + of(d.getMonthValue()) + "月" + of(d.getDayOfMonth()) + "日";
    }
}
