package cn.minsheng.ballot.tally;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;

import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;

/** Properties of the count over random rules, rosters and ballots (valid and invalid alike). */
class TallyPropertiesTest {

    record Scenario(Rules rules, List<String> items, Roster roster, List<CastBallot> ballots, long seed) {
        TallyResult tally() {
            return Tally.count(rules, items, roster, ballots, List.of(), seed);
        }

        Scenario with(List<CastBallot> other) {
            return new Scenario(rules, items, roster, other, seed);
        }
    }

    @Provide
    Arbitrary<Scenario> scenarios() {
        Arbitrary<Integer> itemCount = Arbitraries.integers().between(1, 15);
        Arbitrary<Method> method = Arbitraries.of(Method.APPROVAL, Method.YES_NO_ABSTAIN);
        Arbitrary<Threshold> threshold = Combinators.combine(
                Arbitraries.of(Fraction.HALF, Fraction.TWO_THIRDS, new Fraction(1, 3), new Fraction(0, 1)),
                Arbitraries.of(ThresholdBase.values()), Arbitraries.of(true, false)).as(Threshold::new);
        Arbitrary<TiePolicy> tie = Arbitraries.of(TiePolicy.values());
        Arbitrary<ShortfallPolicy> shortfall = Arbitraries.of(ShortfallPolicy.values());
        Arbitrary<Long> seed = Arbitraries.longs();
        Arbitrary<Integer> ballotCount = Arbitraries.integers().between(0, 120);
        Arbitrary<Long> shape = Arbitraries.longs();
        return Combinators.combine(itemCount, method, threshold, tie, shortfall, seed, ballotCount, shape)
                .as((n, m, t, tp, sp, s, count, shapeSeed) -> build(n, m, t, tp, sp, s, count, shapeSeed));
    }

    /** Ballots are mostly valid, with a share of every kind of invalid mark; ties are frequent because counts are small. */
    private static Scenario build(int n, Method method, Threshold threshold, TiePolicy tie, ShortfallPolicy shortfall,
            long seed, int count, long shapeSeed) {
        Random r = new Random(shapeSeed);
        List<String> items = IntStream.range(0, n).mapToObj(i -> "item-" + i).toList();
        int seats = 1 + r.nextInt(n);
        Integer maxMarks = r.nextInt(4) == 0 ? null : 1 + r.nextInt(n);
        int limit = maxMarks != null ? maxMarks : method == Method.APPROVAL ? seats : n;
        int minMarks = r.nextInt(3) == 0 ? r.nextInt(limit + 1) : 0;
        Rules rules = new Rules(BallotKind.SELECTION, method, seats, maxMarks, threshold, tie, shortfall, null, null, minMarks);
        List<CastBallot> ballots = new ArrayList<>();
        for (int b = 0; b < count; b++) {
            List<Mark> marks = new ArrayList<>();
            for (String item : items) {
                if (r.nextInt(3) == 0) {
                    Choice c = method == Method.APPROVAL ? Choice.FOR : List.of(Choice.FOR, Choice.AGAINST, Choice.ABSTAIN).get(r.nextInt(3));
                    marks.add(new Mark(item, c));
                }
            }
            switch (r.nextInt(25)) {
                case 0 -> marks.add(new Mark("no-such-item", Choice.FOR));
                case 1 -> marks.add(new Mark(items.get(0), Choice.FOR));
                case 2 -> marks.add(new Mark(items.get(r.nextInt(n)), Choice.SATISFIED));
                default -> { }
            }
            Collections.shuffle(marks, r);
            ballots.add(new CastBallot(marks, r.nextInt(4) == 0));
        }
        // now and then one of the three void cases: more returned than issued, than paper issued, than voters
        int onPaper = (int) ballots.stream().filter(CastBallot::paper).count();
        int present = count + r.nextInt(10);
        int seated = Math.max(1, present + r.nextInt(40));
        int paperIssued = r.nextInt(10) == 0 ? Math.max(0, onPaper - 1) : onPaper + r.nextInt(3);
        int issued = Math.max(paperIssued, r.nextInt(10) == 0 ? Math.max(0, count - 1) : count + r.nextInt(5));
        int voters = r.nextInt(10) == 0 ? Math.max(0, count - 1) : present;
        return new Scenario(rules, items, new Roster(seated, present, issued, paperIssued, voters), ballots, seed);
    }

    @Property(tries = 1000)
    void agreesWithTheNaiveCounter(@ForAll("scenarios") Scenario s) {
        TallyResult result = s.tally();
        NaiveCounter.Result naive = NaiveCounter.count(s.rules(), s.items(), s.roster(), s.ballots());
        assertEquals(naive.valid(), result.valid());
        assertEquals(naive.invalid(), result.invalid());
        for (String item : s.items()) {
            ItemResult r = result.item(item);
            Map<Choice, Integer> c = naive.counts().get(item);
            assertEquals(c.getOrDefault(Choice.FOR, 0), r.forCount(), item);
            assertEquals(c.getOrDefault(Choice.AGAINST, 0), r.againstCount(), item);
            assertEquals(c.getOrDefault(Choice.ABSTAIN, 0), r.abstainCount(), item);
            assertEquals(naive.passing().contains(item), r.passed(), item);
        }
        assertEquals(naive.voided(), result.voided());
        if (result.voided()) {
            assertTrue(result.selected().isEmpty());
            assertTrue(result.items().stream().allMatch(i -> i.outcome() == Outcome.VOID));
            return;
        }
        boolean tieReported = result.followUp().filter(f -> f.kind() != FollowUp.Kind.SUPPLEMENTARY).isPresent()
                || result.lot().isPresent();
        assertEquals(naive.tie(), tieReported);
        if (naive.tie()) {
            assertTrue(result.selected().containsAll(naive.sureWinners()));
            if (s.rules().tiePolicy() == TiePolicy.LOT) {
                assertEquals(Math.min(s.rules().seats(), naive.passing().size()), result.selected().size());
            } else {
                assertEquals(naive.sureWinners(), Set(result.selected()));
            }
        } else {
            assertEquals(naive.sureWinners(), Set(result.selected()));
        }
    }

    @Property(tries = 1000)
    void theOutcomeDoesNotDependOnBallotOrder(@ForAll("scenarios") Scenario s, @ForAll long shuffleSeed) {
        List<CastBallot> shuffled = new ArrayList<>(s.ballots());
        Collections.shuffle(shuffled, new Random(shuffleSeed));
        TallyResult a = s.tally();
        TallyResult b = s.with(shuffled).tally();
        assertEquals(a.items(), b.items());
        assertEquals(a.selected(), b.selected());
        assertEquals(a.followUp(), b.followUp());
        assertEquals(a.lot(), b.lot());
        assertEquals(a.invalidByReason(), b.invalidByReason());
        assertEquals(a.valid(), b.valid());
    }

    @Property(tries = 1000)
    void theSelectionRespectsSeatsThresholdAndOrder(@ForAll("scenarios") Scenario s) {
        TallyResult r = s.tally();
        assertTrue(r.selected().size() <= s.rules().seats());
        int weakestSelected = Integer.MAX_VALUE;
        for (String id : r.selected()) {
            ItemResult item = r.item(id);
            assertTrue(item.passed(), id + " was selected without passing");
            assertEquals(Outcome.SELECTED, item.outcome());
            weakestSelected = Math.min(weakestSelected, item.forCount());
        }
        for (ItemResult item : r.items()) {
            if (item.passed() && !r.selected().contains(item.itemId())) {
                assertTrue(item.forCount() <= weakestSelected,
                        item.itemId() + " passed with " + item.forCount() + " FOR but a selected item has " + weakestSelected);
            }
        }
        if (!r.voided() && r.followUp().isEmpty() && r.lot().isEmpty()) {
            long passing = r.items().stream().filter(ItemResult::passed).count();
            assertEquals(Math.min(passing, s.rules().seats()), r.selected().size());
        }
    }

    @Property(tries = 1000)
    void aBallotForOnlyXNeverLowersXsRank(@ForAll("scenarios") Scenario s, @ForAll long pick) {
        String x = s.items().get((int) Math.floorMod(pick, (long) s.items().size()));
        List<CastBallot> more = new ArrayList<>(s.ballots());
        more.add(CastBallot.of(new Mark(x, Choice.FOR)));
        int before = s.tally().item(x).rank();
        int after = s.with(more).tally().item(x).rank();
        assertTrue(after <= before, x + " went from rank " + before + " to " + after);
    }

    @Property(tries = 1000)
    void everyFigureAddsUp(@ForAll("scenarios") Scenario s) {
        TallyResult r = s.tally();
        assertEquals(r.returned(), r.valid() + r.invalid());
        assertEquals(r.invalid(), r.invalidByReason().values().stream().mapToInt(Integer::intValue).sum());
        assertEquals(r.invalid(), r.invalidBallots().size());
        long marks = 0;
        for (ItemResult i : r.items()) {
            int sum = i.forCount() + i.againstCount() + i.abstainCount() + i.satisfiedCount() + i.basicallySatisfiedCount()
                    + i.unsatisfiedCount();
            assertEquals(r.valid(), sum + i.notVoted(), i.itemId());
            marks += sum + i.notVoted();
        }
        assertEquals((long) r.valid() * s.items().size(), marks);
        assertEquals(r.voided(), !r.voidReasons().isEmpty());
        assertEquals(r.returned() > s.roster().issued(), r.voidReasons().contains(VoidReason.MORE_RETURNED_THAN_ISSUED));
        assertEquals(r.returned() > s.roster().voters(), r.voidReasons().contains(VoidReason.MORE_BALLOTS_THAN_VOTERS));
        assertEquals(r.paperReturned() > s.roster().paperIssued(),
                r.voidReasons().contains(VoidReason.PAPER_MORE_RETURNED_THAN_ISSUED));
    }

    @Provide
    Arbitrary<Scenario> evaluations() {
        Arbitrary<Threshold> tier = Combinators.combine(
                Arbitraries.of(Fraction.HALF, Fraction.TWO_THIRDS, new Fraction(1, 3), new Fraction(3, 5)),
                Arbitraries.of(ThresholdBase.values()), Arbitraries.of(true, false)).as(Threshold::new);
        return Combinators.combine(Arbitraries.integers().between(1, 6), tier, tier, Arbitraries.integers().between(0, 120),
                Arbitraries.longs()).as((n, top, basic, count, shapeSeed) -> {
                    Random r = new Random(shapeSeed);
                    List<String> items = IntStream.range(0, n).mapToObj(i -> "p-" + i).toList();
                    Rules rules = new Rules(BallotKind.EVALUATION, Method.RATING, 0, null, Threshold.MAJORITY_OF_SEATED, null, null,
                            new EvaluationTiers(top, basic));
                    List<Choice> choices = List.of(Choice.SATISFIED, Choice.BASICALLY_SATISFIED, Choice.UNSATISFIED, Choice.ABSTAIN,
                            Choice.FOR);
                    List<CastBallot> ballots = new ArrayList<>();
                    for (int b = 0; b < count; b++) {
                        List<Mark> marks = new ArrayList<>();
                        for (String item : items) {
                            if (r.nextInt(5) > 0) {
                                marks.add(new Mark(item, choices.get(r.nextInt(r.nextInt(30) == 0 ? 5 : 4))));
                            }
                        }
                        ballots.add(new CastBallot(marks));
                    }
                    int present = count + r.nextInt(10);
                    return new Scenario(rules, items, new Roster(present + r.nextInt(30), present, present), ballots, 0);
                });
    }

    @Property(tries = 1000)
    void ratingsAgreeWithTheNaiveCounterTierByTier(@ForAll("evaluations") Scenario s) {
        TallyResult result = s.tally();
        Map<String, Outcome> naive = NaiveCounter.rate(s.rules(), s.items(), s.roster(), s.ballots());
        for (String item : s.items()) {
            assertEquals(naive.get(item), result.item(item).outcome(), item);
        }
    }

    @Property(tries = 1000)
    void aBestPlacedSupplementaryOffersTheStrongestRemainingAndEnoughOfThem(@ForAll("scenarios") Scenario s,
            @ForAll("surpluses") Fraction surplus) {
        Rules r0 = s.rules();
        Rules rules = new Rules(r0.kind(), r0.method(), r0.seats(), r0.maxMarks(), r0.threshold(), r0.tiePolicy(),
                ShortfallPolicy.SUPPLEMENTARY, null, new FollowUpRules(FollowUpRules.Candidates.BEST_PLACED, surplus, null));
        TallyResult r = new Scenario(rules, s.items(), s.roster(), s.ballots(), s.seed()).tally();
        FollowUp f = r.followUp().filter(x -> x.kind() == FollowUp.Kind.SUPPLEMENTARY).orElse(null);
        if (f == null) {
            return;
        }
        List<ItemResult> remaining = r.items().stream().filter(i -> !i.passed()).toList();
        int wanted = rules.followUp().candidatesFor(f.seats());
        assertEquals(Math.min(wanted, remaining.size()) <= f.items().size(), true);
        int weakest = f.items().stream().mapToInt(id -> r.item(id).forCount()).min().orElseThrow();
        for (ItemResult i : remaining) {
            assertEquals(i.forCount() >= weakest, f.items().contains(i.itemId()), i.itemId());
        }
    }

    @Provide
    Arbitrary<Fraction> surpluses() {
        return Arbitraries.of(new Fraction(1, 5), new Fraction(1, 3), Fraction.HALF, new Fraction(1, 1));
    }

    private static java.util.Set<String> Set(List<String> list) {
        return new java.util.HashSet<>(list);
    }
}
