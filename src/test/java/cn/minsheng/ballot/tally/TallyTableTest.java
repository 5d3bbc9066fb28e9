package cn.minsheng.ballot.tally;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** One test per rule variant and edge of DOMAIN.md. */
class TallyTableTest {

    private static final List<String> ABC = List.of("A", "B", "C");

    /** {@code n} ballots that each tick exactly the given items (APPROVAL) */
    private static List<CastBallot> ticks(int n, String... items) {
        List<CastBallot> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new CastBallot(java.util.Arrays.stream(items).map(x -> new Mark(x, Choice.FOR)).toList()));
        }
        return out;
    }

    @SafeVarargs
    private static List<CastBallot> concat(List<CastBallot>... parts) {
        List<CastBallot> all = new ArrayList<>();
        for (List<CastBallot> p : parts) {
            all.addAll(p);
        }
        return all;
    }

    private static Rules selection(int seats, Threshold threshold, TiePolicy tie, ShortfallPolicy shortfall) {
        return new Rules(BallotKind.SELECTION, Method.APPROVAL, seats, null, threshold, tie, shortfall);
    }

    @ParameterizedTest(name = "{0} FOR of {1} seated: passes={2}")
    @CsvSource({ "50,100,false", "51,100,true", "50,101,false", "51,101,true", "0,0,false", "1,1,true", "1,2,false",
            "2,3,true" })
    void moreThanHalfOfAllSeated(int forVotes, int seated, boolean passes) {
        TallyResult r = Tally.count(Rules.selection(1), List.of("A"), new Roster(seated, seated, seated),
                ticks(forVotes, "A"));
        assertEquals(passes, r.item("A").passed());
        assertEquals(passes ? Outcome.SELECTED : Outcome.REJECTED, r.item("A").outcome());
    }

    @ParameterizedTest(name = "{0} FOR of 90, two thirds inclusive={1}: passes={2}")
    @CsvSource({ "59,true,false", "60,true,true", "60,false,false", "61,false,true" })
    void twoThirdsStrictOrInclusive(int forVotes, boolean inclusive, boolean passes) {
        Rules rules = selection(1, new Threshold(Fraction.TWO_THIRDS, ThresholdBase.ALL_SEATED, inclusive), null, null);
        assertEquals(passes, Tally.count(rules, List.of("A"), new Roster(90, 90, 90), ticks(forVotes, "A")).item("A").passed());
    }

    @Test
    void eachThresholdBaseTakesItsOwnFigure() {
        // 200 seated, 150 present, 100 returned of which 10 invalid (too many marks), 46 FOR A
        List<CastBallot> ballots = concat(ticks(46, "A"), ticks(44), ticks(10, "A", "B"));
        Roster roster = new Roster(200, 150, 150);
        Map<ThresholdBase, Long> expectedBase = Map.of(ThresholdBase.ALL_SEATED, 200L, ThresholdBase.PRESENT, 150L,
                ThresholdBase.BALLOTS_CAST, 100L, ThresholdBase.VALID_BALLOTS, 90L);
        Map<ThresholdBase, Boolean> passes = Map.of(ThresholdBase.ALL_SEATED, false, ThresholdBase.PRESENT, false,
                ThresholdBase.BALLOTS_CAST, false, ThresholdBase.VALID_BALLOTS, true);
        for (ThresholdBase base : ThresholdBase.values()) {
            Rules rules = selection(1, new Threshold(Fraction.HALF, base, false), null, null);
            TallyResult r = Tally.count(rules, List.of("A", "B"), roster, ballots);
            assertEquals(expectedBase.get(base), r.thresholdBase(), base.name());
            assertEquals(passes.get(base), r.item("A").passed(), base.name());
            assertEquals(10, r.invalid());
        }
    }

    @Test
    void zeroBallots() {
        TallyResult r = Tally.count(Rules.selection(2), ABC, new Roster(100, 80, 80), List.of());
        assertEquals(0, r.returned());
        assertEquals(0, r.valid());
        assertEquals(80, r.notReturned());
        assertTrue(r.selected().isEmpty());
        assertEquals(2, r.shortfall());
        assertTrue(r.items().stream().allMatch(i -> i.outcome() == Outcome.REJECTED && i.notVoted() == 0 && i.rank() == 1));
    }

    @Test
    void allBallotsInvalidWithEveryReason() {
        List<CastBallot> ballots = List.of(
                CastBallot.of(new Mark("A", Choice.FOR), new Mark("B", Choice.FOR), new Mark("C", Choice.FOR)),
                CastBallot.of(new Mark("Z", Choice.FOR)),
                CastBallot.of(new Mark("A", Choice.FOR), new Mark("A", Choice.FOR)),
                CastBallot.of(new Mark("A", Choice.AGAINST)),
                CastBallot.of(new Mark("A", null)));
        TallyResult r = Tally.count(Rules.selection(2), ABC, new Roster(5, 5, 5), ballots);
        assertEquals(5, r.returned());
        assertEquals(0, r.valid());
        assertEquals(5, r.invalid());
        assertEquals(Map.of(InvalidReason.TOO_MANY_MARKS, 1, InvalidReason.UNKNOWN_ITEM, 1, InvalidReason.DUPLICATE_ITEM, 1,
                InvalidReason.CHOICE_NOT_ALLOWED, 2), r.invalidByReason());
        assertEquals(new InvalidBallot(1, InvalidReason.UNKNOWN_ITEM), r.invalidBallots().get(1));
        assertTrue(r.items().stream().allMatch(i -> i.forCount() == 0));
    }

    @Test
    void fewerMarksThanSeatsAndBlankBallotsAreValid() {
        TallyResult r = Tally.count(Rules.selection(2), ABC, new Roster(3, 3, 3),
                List.of(CastBallot.of(new Mark("A", Choice.FOR)), CastBallot.of()));
        assertEquals(2, r.valid());
        assertEquals(2, r.item("B").notVoted());
        assertEquals(1, r.item("A").notVoted());
    }

    @Test
    void allAbstain() {
        Rules rules = new Rules(BallotKind.SELECTION, Method.YES_NO_ABSTAIN, 1, null, Threshold.MAJORITY_OF_SEATED, null, null);
        List<CastBallot> ballots = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ballots.add(CastBallot.of(new Mark("A", Choice.ABSTAIN), new Mark("B", Choice.ABSTAIN)));
        }
        TallyResult r = Tally.count(rules, List.of("A", "B"), new Roster(10, 10, 10), ballots);
        assertEquals(10, r.item("A").abstainCount());
        assertEquals(0, r.item("A").notVoted());
        assertTrue(r.selected().isEmpty());
        assertEquals(Outcome.REJECTED, r.item("B").outcome());
    }

    @Test
    void yesNoAbstainCountsEachChoiceAndLimitsOnlyForMarks() {
        Rules rules = new Rules(BallotKind.SELECTION, Method.YES_NO_ABSTAIN, 1, 1, Threshold.MAJORITY_OF_SEATED, null, null);
        List<CastBallot> ballots = List.of(
                CastBallot.of(new Mark("A", Choice.FOR), new Mark("B", Choice.AGAINST), new Mark("C", Choice.AGAINST)),
                CastBallot.of(new Mark("A", Choice.FOR), new Mark("B", Choice.FOR)),
                CastBallot.of(new Mark("A", Choice.FOR), new Mark("C", Choice.ABSTAIN)));
        TallyResult r = Tally.count(rules, ABC, new Roster(3, 3, 3), ballots);
        assertEquals(2, r.valid());
        assertEquals(Map.of(InvalidReason.TOO_MANY_MARKS, 1), r.invalidByReason());
        assertEquals(2, r.item("A").forCount());
        assertEquals(1, r.item("B").againstCount());
        assertEquals(1, r.item("B").notVoted());
        assertEquals(1, r.item("C").abstainCount());
        assertEquals(List.of("A"), r.selected());
    }

    /** 15 candidates for 10 seats, 330 present of 400 seated, more than a quarter of all seated: passing needs 101 FOR. */
    @Test
    void threeItemsTiedForTheLastSeatGoToARunoff() {
        List<String> items = List.of("P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8", "P9", "P10", "P11", "P12", "P13", "P14", "P15");
        // 9 clear winners, then P10, P11, P12 tied at 120 for the last seat, P13 passes with fewer, P14/P15 fail
        List<CastBallot> ballots = concat(ticks(120, "P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8", "P9"),
                ticks(10, "P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8", "P9", "P13"),
                ticks(20, "P10", "P11", "P12", "P13", "P14"));
        // give P10-P12 100 more so they sit at 120; P13 gets 30 + 80 = 110; P14 stays at 20
        ballots.addAll(ticks(100, "P10", "P11", "P12"));
        ballots.addAll(ticks(80, "P13"));
        Roster roster = new Roster(400, 330, 330);
        Threshold quarter = new Threshold(new Fraction(1, 4), ThresholdBase.ALL_SEATED, false);
        TallyResult r = Tally.count(selection(10, quarter, TiePolicy.RUNOFF, null), items, roster, ballots);
        assertEquals(130, r.item("P1").forCount());
        assertEquals(120, r.item("P10").forCount());
        assertEquals(List.of("P1", "P2", "P3", "P4", "P5", "P6", "P7", "P8", "P9"), r.selected());
        assertEquals(Optional.of(new FollowUp(FollowUp.Kind.RUNOFF, List.of("P10", "P11", "P12"), 1)), r.followUp());
        assertEquals(Outcome.TIED, r.item("P11").outcome());
        assertEquals(Outcome.NOT_SELECTED, r.item("P13").outcome());
        assertEquals(Outcome.REJECTED, r.item("P14").outcome());
        assertEquals(10, r.item("P10").rank());
        assertEquals(10, r.item("P12").rank());
        assertEquals(13, r.item("P13").rank());

        TallyResult chair = Tally.count(selection(10, quarter, TiePolicy.CHAIR_DECISION, null), items,
                roster, ballots);
        assertEquals(FollowUp.Kind.CHAIR_DECISION, chair.followUp().orElseThrow().kind());

        TallyResult lot = Tally.count(selection(10, quarter, TiePolicy.LOT, null), items, roster, ballots,
                List.of(), 20261121L);
        assertEquals(10, lot.selected().size());
        assertTrue(lot.followUp().isEmpty());
        String expectedWinner = List.of("P10", "P11", "P12").stream()
                .min(Comparator.comparing(id -> Lot.ticket(20261121L, id))).orElseThrow();
        assertEquals(List.of(expectedWinner), lot.lot().orElseThrow().winners());
        assertTrue(lot.selected().contains(expectedWinner));
        assertEquals(2, lot.items().stream().filter(i -> i.forCount() == 120 && i.outcome() == Outcome.NOT_SELECTED).count());
        // reproducible from the seed alone
        assertEquals(lot, Tally.count(selection(10, quarter, TiePolicy.LOT, null), items, roster, ballots,
                List.of(), 20261121L));
    }

    @Test
    void tiesAboveTheCutoffAreHarmless() {
        List<CastBallot> ballots = concat(ticks(8, "A", "B"), ticks(6, "C"));
        TallyResult two = Tally.count(selection(2, new Threshold(new Fraction(1, 3), ThresholdBase.ALL_SEATED, false),
                TiePolicy.RUNOFF, null), ABC, new Roster(14, 14, 14), ballots);
        assertEquals(List.of("A", "B"), two.selected());
        assertTrue(two.followUp().isEmpty());
        assertEquals(1, two.item("A").rank());
        assertEquals(1, two.item("B").rank());
        assertEquals(3, two.item("C").rank());
        assertEquals(Outcome.NOT_SELECTED, two.item("C").outcome());
    }

    @Test
    void everyItemFailingLeavesAShortfall() {
        List<CastBallot> ballots = concat(ticks(4, "A"), ticks(3, "B"));
        TallyResult accept = Tally.count(selection(2, Threshold.MAJORITY_OF_SEATED, null, ShortfallPolicy.ACCEPT_FEWER), ABC,
                new Roster(10, 10, 10), ballots);
        assertTrue(accept.selected().isEmpty());
        assertEquals(2, accept.shortfall());
        assertTrue(accept.followUp().isEmpty());
        TallyResult supplementary = Tally.count(selection(2, Threshold.MAJORITY_OF_SEATED, null, ShortfallPolicy.SUPPLEMENTARY),
                ABC, new Roster(10, 10, 10), ballots);
        assertEquals(Optional.of(new FollowUp(FollowUp.Kind.SUPPLEMENTARY, ABC, 2)), supplementary.followUp());
    }

    @Test
    void aPartialShortfallOffersTheRemainingCandidates() {
        List<CastBallot> ballots = concat(ticks(6, "A"), ticks(4, "B"));
        TallyResult r = Tally.count(selection(2, Threshold.MAJORITY_OF_SEATED, null, ShortfallPolicy.SUPPLEMENTARY), ABC,
                new Roster(10, 10, 10), ballots);
        assertEquals(List.of("A"), r.selected());
        assertEquals(1, r.shortfall());
        assertEquals(Optional.of(new FollowUp(FollowUp.Kind.SUPPLEMENTARY, List.of("B", "C"), 1)), r.followUp());
    }

    @Test
    void returnedEqualToIssuedIsValidOneMoreVoidsTheVote() {
        List<CastBallot> ten = ticks(10, "A");
        TallyResult equal = Tally.count(Rules.selection(1), ABC, new Roster(12, 12, 10), ten);
        assertFalse(equal.voided());
        assertEquals(List.of("A"), equal.selected());
        TallyResult over = Tally.count(Rules.selection(1), ABC, new Roster(12, 12, 9), ten);
        assertTrue(over.voided());
        assertTrue(over.selected().isEmpty());
        assertTrue(over.items().stream().allMatch(i -> i.outcome() == Outcome.VOID));
        assertTrue(over.followUp().isEmpty());
    }

    @Test
    void paperTotalsAddToElectronicBallotsAndCountTowardsVoid() {
        PaperBatch paper = new PaperBatch(5, 1, Map.of("A", Map.of(Choice.FOR, 4), "B", Map.of(Choice.FOR, 1)));
        TallyResult r = Tally.count(Rules.selection(1), ABC, new Roster(12, 12, 12, 6, 12), ticks(6, "A"), List.of(paper), 0);
        assertEquals(11, r.returned());
        assertEquals(10, r.valid());
        assertEquals(1, r.invalid());
        assertEquals(10, r.item("A").forCount());
        assertEquals(9, r.item("B").notVoted());
        assertTrue(Tally.count(Rules.selection(1), ABC, new Roster(12, 12, 10, 5, 12), ticks(6, "A"), List.of(paper), 0).voided());
        assertThrows(IllegalArgumentException.class, () -> Tally.count(Rules.selection(1), ABC, new Roster(12, 12, 12),
                List.of(), List.of(new PaperBatch(2, 0, Map.of("A", Map.of(Choice.FOR, 3)))), 0));
        assertThrows(IllegalArgumentException.class, () -> Tally.count(Rules.selection(1), ABC, new Roster(12, 12, 12),
                List.of(), List.of(new PaperBatch(2, 0, Map.of("Z", Map.of(Choice.FOR, 1)))), 0));
        assertThrows(IllegalArgumentException.class, () -> Tally.count(Rules.selection(1), ABC, new Roster(12, 12, 12),
                List.of(), List.of(new PaperBatch(2, 0, Map.of("A", Map.of(Choice.SATISFIED, 1)))), 0));
    }

    @Test
    void ratingFollowsTheDefaultRuleAndGivesAnExactSatisfactionRate() {
        Rules rules = new Rules(BallotKind.EVALUATION, Method.RATING, 0, null,
                new Threshold(Fraction.HALF, ThresholdBase.VALID_BALLOTS, false), null, null);
        List<CastBallot> ballots = new ArrayList<>();
        // 100 valid ballots. X: 51 satisfied. Y: 40 satisfied + 20 basically. Z: 20 + 30 = exactly half. W: all abstain.
        for (int i = 0; i < 100; i++) {
            ballots.add(CastBallot.of(new Mark("X", i < 51 ? Choice.SATISFIED : Choice.UNSATISFIED),
                    new Mark("Y", i < 40 ? Choice.SATISFIED : i < 60 ? Choice.BASICALLY_SATISFIED : Choice.UNSATISFIED),
                    new Mark("Z", i < 20 ? Choice.SATISFIED : i < 50 ? Choice.BASICALLY_SATISFIED : Choice.UNSATISFIED),
                    new Mark("W", Choice.ABSTAIN)));
        }
        TallyResult r = Tally.count(rules, List.of("X", "Y", "Z", "W"), new Roster(120, 100, 100), ballots);
        assertEquals(Outcome.SATISFIED, r.item("X").outcome());
        assertEquals(Outcome.BASICALLY_SATISFIED, r.item("Y").outcome());
        assertEquals(Outcome.UNSATISFIED, r.item("Z").outcome());
        assertEquals(Outcome.UNSATISFIED, r.item("W").outcome());
        assertEquals(new Fraction(60, 100), r.item("Y").satisfactionRate());
        assertEquals("0.6000", r.item("Y").satisfactionRate().toDecimal(4).toPlainString());
        assertEquals(new Fraction(0, 100), r.item("W").satisfactionRate());
        // the same ballots against all 120 seated: half is 60, so X's 51 fail and Y's 60 are not more than half
        Rules seatedBase = new Rules(BallotKind.EVALUATION, Method.RATING, 0, null, Threshold.MAJORITY_OF_SEATED, null, null);
        TallyResult seated = Tally.count(seatedBase, List.of("X", "Y", "Z", "W"), new Roster(120, 100, 100), ballots);
        assertEquals(Outcome.UNSATISFIED, seated.item("X").outcome());
        assertEquals(Outcome.UNSATISFIED, seated.item("Y").outcome());
        assertEquals(120, seated.thresholdBase());
        // a FOR mark is not a rating
        TallyResult wrong = Tally.count(rules, List.of("X"), new Roster(1, 1, 1), List.of(CastBallot.of(new Mark("X", Choice.FOR))));
        assertEquals(Map.of(InvalidReason.CHOICE_NOT_ALLOWED, 1), wrong.invalidByReason());
    }

    @Test
    void aMotionIsAdoptedByMoreThanHalfOfAllSeated() {
        Rules rules = new Rules(BallotKind.MOTION, Method.YES_NO_ABSTAIN, 0, null, Threshold.MAJORITY_OF_SEATED, null, null);
        List<CastBallot> ballots = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            ballots.add(CastBallot.of(new Mark("M", i < 101 ? Choice.FOR : i < 140 ? Choice.AGAINST : Choice.ABSTAIN)));
        }
        TallyResult adopted = Tally.count(rules, List.of("M"), new Roster(200, 150, 150), ballots);
        assertEquals(Outcome.ADOPTED, adopted.item("M").outcome());
        assertEquals(39, adopted.item("M").againstCount());
        assertEquals(10, adopted.item("M").abstainCount());
        assertEquals(Outcome.NOT_ADOPTED, Tally.count(rules, List.of("M"), new Roster(202, 150, 150), ballots).item("M").outcome());
    }

    @Test
    void rulesThatCannotBeCountedAreRefused() {
        assertThrows(IllegalArgumentException.class, () -> new Rules(BallotKind.EVALUATION, Method.APPROVAL, 1, null,
                Threshold.MAJORITY_OF_SEATED, null, null));
        assertThrows(IllegalArgumentException.class, () -> new Rules(BallotKind.SELECTION, Method.RATING, 1, null,
                Threshold.MAJORITY_OF_SEATED, null, null));
        assertThrows(IllegalArgumentException.class, () -> Rules.selection(0));
        assertThrows(IllegalArgumentException.class, () -> new Fraction(1, 0));
        assertThrows(IllegalArgumentException.class, () -> Tally.count(Rules.selection(1), List.of("A", "A"),
                new Roster(1, 1, 1), List.of()));
        assertThrows(IllegalArgumentException.class, () -> new Roster(10, 11, 10));
    }
}
