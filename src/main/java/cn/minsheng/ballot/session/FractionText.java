package cn.minsheng.ballot.session;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

import cn.minsheng.ballot.common.ApiException;
import cn.minsheng.ballot.tally.Fraction;

/** Fractions as people write them in rules: "2/3", "1/2". */
public final class FractionText {

    private static final Pattern FORM = Pattern.compile("\\s*(\\d{1,4})\\s*/\\s*(\\d{1,4})\\s*");

    private FractionText() {
    }

    public static Fraction parse(String field, String text) {
        Matcher m = text == null ? null : FORM.matcher(text);
        if (m == null || !m.matches() || Integer.parseInt(m.group(2)) == 0
                || Integer.parseInt(m.group(1)) > Integer.parseInt(m.group(2))) {
            throw ApiException.badRequest("INVALID_FRACTION", field, String.valueOf(text));
        }
        return new Fraction(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)));
    }
}
