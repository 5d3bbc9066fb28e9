package cn.minsheng.ballot.tally;

import java.math.BigInteger;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A deliberately simple second counter, written apart from {@link Tally}, that the properties
 * compare against. It takes other paths on purpose: maps instead of arrays, and the threshold as
 * "more than floor(f × base)" / "at least ceil(f × base)" instead of a cross-multiplication.
 */
final class NaiveCounter {

    record Result(int valid, int invalid, Map<String, Map<Choice, Integer>> counts, Set<String> passing,
            Set<String> sureWinners, boolean tie, boolean voided) {
    }

    static Result count(Rules rules, List<String> items, Roster roster, List<CastBallot> ballots) {
        Map<String, Map<Choice, Integer>> counts = new HashMap<>();
        for (String item : items) {
            counts.put(item, new HashMap<>());
        }
        int valid = 0;
        for (CastBallot ballot : ballots) {
            if (!isValid(rules, items, ballot)) {
                continue;
            }
            valid++;
            for (Mark m : ballot.marks()) {
                counts.get(m.itemId()).merge(m.choice(), 1, Integer::sum);
            }
        }
        int invalid = ballots.size() - valid;
        long fromPaperBox = ballots.stream().filter(CastBallot::paper).count();
        boolean voided = ballots.size() > roster.issued() || fromPaperBox > roster.paperIssued() || ballots.size() > roster.voters();
        long base = switch (rules.threshold().base()) {
            case ALL_SEATED -> roster.seated();
            case PRESENT -> roster.present();
            case BALLOTS_CAST -> ballots.size();
            case VALID_BALLOTS -> valid;
        };
        Set<String> passing = new HashSet<>();
        for (String item : items) {
            if (passes(rules.threshold(), counts.get(item).getOrDefault(Choice.FOR, 0), base)) {
                passing.add(item);
            }
        }
        List<String> ranked = new ArrayList<>(passing);
        ranked.sort(Comparator.comparing((String i) -> counts.get(i).getOrDefault(Choice.FOR, 0)).reversed());
        Set<String> sure = new HashSet<>();
        boolean tie = false;
        if (ranked.size() <= rules.seats()) {
            sure.addAll(ranked);
        } else {
            int cutoff = counts.get(ranked.get(rules.seats() - 1)).getOrDefault(Choice.FOR, 0);
            int next = counts.get(ranked.get(rules.seats())).getOrDefault(Choice.FOR, 0);
            tie = cutoff == next;
            for (int k = 0; k < ranked.size(); k++) {
                int f = counts.get(ranked.get(k)).getOrDefault(Choice.FOR, 0);
                if (tie ? f > cutoff : k < rules.seats()) {
                    sure.add(ranked.get(k));
                }
            }
        }
        return new Result(valid, invalid, counts, passing, sure, tie, voided);
    }

    /** EVALUATION: each item's rating outcome, tier by tier, with each tier's own base. */
    static Map<String, Outcome> rate(Rules rules, List<String> items, Roster roster, List<CastBallot> ballots) {
        Result r = count(rules, items, roster, ballots);
        Map<String, Outcome> out = new HashMap<>();
        for (String item : items) {
            int s = r.counts().get(item).getOrDefault(Choice.SATISFIED, 0);
            int bs = r.counts().get(item).getOrDefault(Choice.BASICALLY_SATISFIED, 0);
            Threshold top = rules.tiers().satisfied();
            Threshold basic = rules.tiers().basicallySatisfied();
            out.put(item, r.voided() ? Outcome.VOID : passes(top, s, base(top.base(), roster, ballots.size(), r.valid()))
                    ? Outcome.SATISFIED
                    : passes(basic, s + bs, base(basic.base(), roster, ballots.size(), r.valid())) ? Outcome.BASICALLY_SATISFIED
                            : Outcome.UNSATISFIED);
        }
        return out;
    }

    private static long base(ThresholdBase base, Roster roster, int returned, int valid) {
        return switch (base) {
            case ALL_SEATED -> roster.seated();
            case PRESENT -> roster.present();
            case BALLOTS_CAST -> returned;
            case VALID_BALLOTS -> valid;
        };
    }

    static boolean passes(Threshold t, long count, long base) {
        BigInteger product = BigInteger.valueOf(t.fraction().numerator()).multiply(BigInteger.valueOf(base));
        BigInteger[] qr = product.divideAndRemainder(BigInteger.valueOf(t.fraction().denominator()));
        BigInteger floor = qr[0];
        BigInteger ceil = qr[1].signum() == 0 ? floor : floor.add(BigInteger.ONE);
        BigInteger c = BigInteger.valueOf(count);
        return t.inclusive() ? c.compareTo(ceil) >= 0 : c.compareTo(floor) > 0;
    }

    private static boolean isValid(Rules rules, List<String> items, CastBallot ballot) {
        Set<String> seen = new HashSet<>();
        long fors = 0;
        for (Mark m : ballot.marks()) {
            if (!items.contains(m.itemId()) || !seen.add(m.itemId()) || !rules.method().choices().contains(m.choice())) {
                return false;
            }
            if (m.choice() == Choice.FOR) {
                fors++;
            }
        }
        Integer limit = switch (rules.method()) {
            case APPROVAL -> rules.maxMarks() == null ? Integer.valueOf(rules.seats()) : rules.maxMarks();
            case YES_NO_ABSTAIN -> rules.maxMarks();
            case RATING -> null;
        };
        return (limit == null || fors <= limit) && (rules.method() == Method.RATING || fors >= rules.minMarks());
    }
}
