package cn.minsheng.ballot.tally;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The rules of issue 18 at their edges: channels and void votes, evaluation tiers, minMarks, follow-up rules. */
class TallyLawTableTest {

    private static final List<String> ABC = List.of("A", "B", "C");

    private static List<CastBallot> ballots(int tablet, int paper) {
        List<CastBallot> out = new ArrayList<>();
        for (int i = 0; i < tablet; i++) {
            out.add(CastBallot.of(new Mark("A", Choice.FOR)));
        }
        for (int i = 0; i < paper; i++) {
            out.add(CastBallot.onPaper(new Mark("B", Choice.FOR)));
        }
        return out;
    }

    /** 6 present, 4 on tablets and 2 on paper: 6 issued. One more ballot anywhere voids the vote, for its own reasons. */
    @ParameterizedTest(name = "{0} tablet + {1} paper returned, {2} issued of which {3} paper, {4} voters: {5}")
    @CsvSource(delimiter = ';', value = {
            "4;2;6;2;6;", // exactly as issued: valid
            "3;2;6;2;6;", // one not returned: valid
            "4;3;6;2;6;MORE_RETURNED_THAN_ISSUED PAPER_MORE_RETURNED_THAN_ISSUED MORE_BALLOTS_THAN_VOTERS",
            "3;3;6;2;6;PAPER_MORE_RETURNED_THAN_ISSUED", // the paper box alone returns more than it issued
            "5;2;6;2;7;MORE_RETURNED_THAN_ISSUED", // all returned exceed all issued, the paper box does not
            "4;2;7;2;5;MORE_BALLOTS_THAN_VOTERS", // more ballots than voters (选举法: 多于投票人数的无效)
            "4;1;7;2;5;", // as many ballots as voters: valid
            "0;6;6;6;6;", // paper only, all returned
            "0;7;6;6;6;MORE_RETURNED_THAN_ISSUED PAPER_MORE_RETURNED_THAN_ISSUED MORE_BALLOTS_THAN_VOTERS" })
    void aVoteIsVoidWhenMoreComeBackThanWereIssuedInAllOrOnPaperOrThanVoters(int tablet, int paper, int issued,
            int paperIssued, int voters, String reasons) {
        Roster roster = new Roster(10, 6, issued, paperIssued, voters);
        TallyResult r = Tally.count(Rules.selection(1), ABC, roster, ballots(tablet, paper));
        List<VoidReason> expected = reasons == null ? List.of()
                : java.util.Arrays.stream(reasons.split(" ")).map(VoidReason::valueOf).toList();
        assertEquals(expected, r.voidReasons());
        assertEquals(!expected.isEmpty(), r.voided());
        assertEquals(tablet + paper, r.returned());
        assertEquals(paper, r.paperReturned());
        assertEquals(issued - paperIssued, roster.electronicIssued());
        assertEquals(Math.max(0, issued - tablet - paper), r.notReturned());
        assertEquals(!expected.isEmpty(), r.items().stream().allMatch(i -> i.outcome() == Outcome.VOID));
    }

    @ParameterizedTest(name = "paper totals of {0} against {1} paper issued: void={2}")
    @CsvSource({ "2,2,false", "3,2,true", "0,0,false", "1,0,true" })
    void paperTotalsCountAsTheirBox(int returned, int paperIssued, boolean voided) {
        PaperBatch box = new PaperBatch(returned, 0, java.util.Map.of());
        TallyResult r = Tally.count(Rules.selection(1), ABC, new Roster(10, 10, 10, paperIssued, 10), ballots(4, 0),
                List.of(box), 0);
        assertEquals(voided, r.voidReasons().contains(VoidReason.PAPER_MORE_RETURNED_THAN_ISSUED));
        assertEquals(returned, r.paperReturned());
        assertFalse(r.voidReasons().contains(VoidReason.MORE_RETURNED_THAN_ISSUED));
        assertTrue(r.returned() <= 10);
    }

    private static List<CastBallot> ratings(int satisfied, int basically, int unsatisfied, int abstain) {
        List<CastBallot> out = new ArrayList<>();
        for (int i = 0; i < satisfied + basically + unsatisfied + abstain; i++) {
            Choice c = i < satisfied ? Choice.SATISFIED : i < satisfied + basically ? Choice.BASICALLY_SATISFIED
                    : i < satisfied + basically + unsatisfied ? Choice.UNSATISFIED : Choice.ABSTAIN;
            out.add(CastBallot.of(new Mark("P", c)));
        }
        return out;
    }

    /** The 镇海区 rule by default: 满意票达到全体组成人员半数以上的为满意 (inclusive); S + BS 不足半数（含半数）为不满意. */
    @ParameterizedTest(name = "{0} seated: S={1} BS={2} U={3} -> {4}")
    @CsvSource({ "100,50,0,50,SATISFIED", // exactly half of all members: satisfied (以上 includes the number)
            "100,49,2,49,BASICALLY_SATISFIED", // S + BS = 51 > 50
            "100,49,1,50,UNSATISFIED", // S + BS = 50: exactly half is not enough (含半数)
            "100,0,51,49,BASICALLY_SATISFIED", "101,50,0,51,UNSATISFIED", // half of 101 is 50.5
            "101,51,0,50,SATISFIED", "101,50,1,50,BASICALLY_SATISFIED", "120,50,10,40,UNSATISFIED" })
    void evaluationTiersAtExactlyHalfOfAllMembers(int seated, int s, int bs, int u, Outcome expected) {
        Rules rules = new Rules(BallotKind.EVALUATION, Method.RATING, 0, null, Threshold.MAJORITY_OF_SEATED, null, null);
        assertEquals(EvaluationTiers.DEFAULT, rules.tiers());
        TallyResult r = Tally.count(rules, List.of("P"), new Roster(seated, s + bs + u, s + bs + u), ratings(s, bs, u, 0));
        assertEquals(expected, r.item("P").outcome());
        assertEquals(new Fraction(s + bs, s + bs + u), r.item("P").satisfactionRate());
    }

    /** Each tier its own fraction, base and strictness: satisfied at two thirds of valid ballots or more, basically above half of present. */
    @ParameterizedTest(name = "S={0} BS={1} U={2} A={3} -> {4}")
    @CsvSource({ "40,0,20,0,SATISFIED", // 40 of 60 valid = 2/3 exactly, inclusive
            "39,0,21,0,UNSATISFIED", // 39 < 40; S + BS = 39 of 80 present
            "39,2,19,0,BASICALLY_SATISFIED", // 41 > 40 = half of 80 present
            "39,1,20,0,UNSATISFIED", // 40 = half of 80 present, strict
            "30,0,10,5,SATISFIED", "30,0,10,6,UNSATISFIED" }) // abstentions are valid ballots: 30 of 45 is 2/3, of 46 less
    void eachTierHasItsOwnFractionBaseAndStrictness(int s, int bs, int u, int a, Outcome expected) {
        EvaluationTiers tiers = new EvaluationTiers(new Threshold(Fraction.TWO_THIRDS, ThresholdBase.VALID_BALLOTS, true),
                new Threshold(Fraction.HALF, ThresholdBase.PRESENT, false));
        Rules rules = new Rules(BallotKind.EVALUATION, Method.RATING, 0, null, Threshold.MAJORITY_OF_SEATED, null, null, tiers);
        int n = s + bs + u + a;
        TallyResult r = Tally.count(rules, List.of("P"), new Roster(100, 80, 80), ratings(s, bs, u, a));
        assertEquals(expected, r.item("P").outcome(), "valid " + n);
    }

    /**
     * A supplementary ballot's candidates. First round: 6 candidates, more than half of 10 needed;
     * A passes with 6, then B 5, C 4, D 3, E 2, F 0 all fail.
     */
    @ParameterizedTest(name = "{0} seats, {1} {2}: {3}")
    @CsvSource(delimiter = ';', value = {
            "2;ALL_REMAINING;;B C D E F", // all remaining, in ballot order
            "2;BEST_PLACED;1/2;B C", // one seat open: two candidates for one seat
            "2;BEST_PLACED;1/5;B C", // 1/5 of one seat rounds up to one more
            "3;BEST_PLACED;1/2;B C D", // two seats open, 1/2 more: three
            "3;BEST_PLACED;1/5;B C D", // two seats open, 1/5 rounds up to one more: three
            "4;BEST_PLACED;1/2;B C D E F" }) // three seats open, two more: all five
    void supplementaryCandidatesAreAllRemainingOrTheBestPlaced(int seats, FollowUpRules.Candidates candidates, String surplus,
            String expected) {
        List<String> items = List.of("A", "B", "C", "D", "E", "F");
        List<CastBallot> ballots = new ArrayList<>();
        String[][] marks = { { "A", "B", "C" }, { "A", "B", "D" }, { "A", "B", "C" }, { "A", "B", "D" }, { "A", "B", "C" },
                { "A", "E", "D" }, { "C", "E" }, {}, {}, {} };
        for (String[] m : marks) {
            ballots.add(new CastBallot(java.util.Arrays.stream(m).map(x -> new Mark(x, Choice.FOR)).toList()));
        }
        FollowUpRules followUp = new FollowUpRules(candidates, surplus == null ? null : fraction(surplus), null);
        Rules rules = new Rules(BallotKind.SELECTION, Method.APPROVAL, seats, 3, Threshold.MAJORITY_OF_SEATED, null,
                ShortfallPolicy.SUPPLEMENTARY, null, followUp);
        TallyResult r = Tally.count(rules, items, new Roster(10, 10, 10), ballots);
        assertEquals(List.of("A"), r.selected());
        FollowUp f = r.followUp().orElseThrow();
        assertEquals(FollowUp.Kind.SUPPLEMENTARY, f.kind());
        assertEquals(seats - 1, f.seats());
        assertEquals(List.of(expected.split(" ")), f.items());
    }

    @ParameterizedTest(name = "{0} seats at {1}: {2} candidates")
    @CsvSource({ "1,1/5,2", "1,1/2,2", "2,1/2,3", "5,1/5,6", "5,1/2,8", "10,1/5,12", "10,1/2,15", "3,1/3,4" })
    void bestPlacedCountIsSeatsPlusTheSurplusRoundedUpAndAtLeastOneMore(int seats, String surplus, int expected) {
        assertEquals(expected, new FollowUpRules(FollowUpRules.Candidates.BEST_PLACED, fraction(surplus), null).candidatesFor(seats));
    }

    private static Fraction fraction(String text) {
        String[] f = text.split("/");
        return new Fraction(Long.parseLong(f[0]), Long.parseLong(f[1]));
    }

    @org.junit.jupiter.api.Test
    void aTieAtTheLastPlaceOfTheBestPlacedKeepsEveryTiedCandidate() {
        // A 6 passes; B 4 and C 4 tie for the one open seat's two places, D 4 ties with them too; E 1
        List<CastBallot> ballots = new ArrayList<>();
        String[][] marks = { { "A", "B" }, { "A", "C" }, { "A", "D" }, { "A", "B" }, { "A", "C" }, { "A", "D" }, { "B", "C" },
                { "B", "D" }, { "C", "D" }, { "E" } };
        for (String[] m : marks) {
            ballots.add(new CastBallot(java.util.Arrays.stream(m).map(x -> new Mark(x, Choice.FOR)).toList()));
        }
        Rules rules = new Rules(BallotKind.SELECTION, Method.APPROVAL, 2, null, Threshold.MAJORITY_OF_SEATED, null,
                ShortfallPolicy.SUPPLEMENTARY, null, new FollowUpRules(FollowUpRules.Candidates.BEST_PLACED, fraction("1/2"), null));
        TallyResult r = Tally.count(rules, List.of("A", "B", "C", "D", "E"), new Roster(10, 10, 10), ballots);
        assertEquals(List.of("B", "C", "D"), r.followUp().orElseThrow().items());
        assertEquals(1, r.followUp().orElseThrow().seats());
    }

    /** "Exactly N" (所选的人数等于应选名额的有效，多于或者少于的作废) is minMarks = maxMarks = seats. */
    @ParameterizedTest(name = "{0} ticks, minMarks {1}, maxMarks {2}: {3}")
    @CsvSource({ "2,2,2,", "1,2,2,TOO_FEW_MARKS", "0,2,2,TOO_FEW_MARKS", "3,2,2,TOO_MANY_MARKS", "1,1,,", "0,1,,TOO_FEW_MARKS",
            "0,0,,", "3,3,3," })
    void minMarksOnApproval(int ticks, int minMarks, Integer maxMarks, InvalidReason expected) {
        Rules rules = new Rules(BallotKind.SELECTION, Method.APPROVAL, maxMarks == null ? 3 : Math.min(3, maxMarks), maxMarks,
                Threshold.MAJORITY_OF_SEATED, null, null, null, null, minMarks);
        List<Mark> marks = ABC.subList(0, ticks).stream().map(x -> new Mark(x, Choice.FOR)).toList();
        TallyResult r = Tally.count(rules, ABC, new Roster(1, 1, 1), List.of(new CastBallot(marks, ticks % 2 == 1)),
                List.of(), 0);
        assertEquals(expected == null ? 1 : 0, r.valid());
        assertEquals(expected == null ? java.util.Map.of() : java.util.Map.of(expected, 1), r.invalidByReason());
        assertEquals(java.util.Optional.ofNullable(expected), Tally.check(rules, ABC, new CastBallot(marks)));
    }

    @ParameterizedTest(name = "YES_NO_ABSTAIN with {0} FOR and {1} AGAINST, minMarks 2: valid={2}")
    @CsvSource({ "2,1,true", "1,2,false", "3,0,true", "0,3,false" })
    void minMarksCountsForMarksOnYesNoAbstain(int fors, int against, boolean valid) {
        Rules rules = new Rules(BallotKind.SELECTION, Method.YES_NO_ABSTAIN, 2, 3, Threshold.MAJORITY_OF_SEATED, null, null,
                null, null, 2);
        List<Mark> marks = new ArrayList<>();
        for (int i = 0; i < fors + against; i++) {
            marks.add(new Mark(ABC.get(i), i < fors ? Choice.FOR : Choice.AGAINST));
        }
        assertEquals(valid, Tally.check(rules, ABC, new CastBallot(marks)).isEmpty());
    }

    @org.junit.jupiter.api.Test
    void minMarksAboveTheMostAllowedIsRefused() {
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new Rules(BallotKind.SELECTION,
                Method.APPROVAL, 2, null, Threshold.MAJORITY_OF_SEATED, null, null, null, null, 3));
        org.junit.jupiter.api.Assertions.assertThrows(IllegalArgumentException.class, () -> new Rules(BallotKind.SELECTION,
                Method.APPROVAL, 2, null, Threshold.MAJORITY_OF_SEATED, null, null, null, null, -1));
        assertEquals(0, new Rules(BallotKind.EVALUATION, Method.RATING, 0, null, Threshold.MAJORITY_OF_SEATED, null, null, null,
                null, 2).minMarks());
    }
}
