package cn.minsheng.ballot.tally;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Each outcome carries its reason in words, with the figures that decided it. */
class ExplanationTest {

    private static List<CastBallot> ticks(int n, String... items) {
        List<CastBallot> out = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            out.add(new CastBallot(java.util.Arrays.stream(items).map(x -> new Mark(x, Choice.FOR)).toList()));
        }
        return out;
    }

    private static void contains(String text, String... parts) {
        for (String p : parts) {
            assertTrue(text.contains(p), "\"" + p + "\" not in: " + text);
        }
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource({ "0,零", "1,一", "10,十", "11,十一", "20,二十", "101,一百零一", "110,一百一十", "1050,一千零五十", "2027,二千零二十七" })
    void chineseNumbers(long n, String words) {
        assertEquals(words, ChineseNumber.of(n));
    }

    @Test
    void fractionsAndYears() {
        assertEquals("二分之一", ChineseNumber.of(Fraction.HALF));
        assertEquals("三分之二", ChineseNumber.of(Fraction.TWO_THIRDS));
        assertEquals("二〇二七", ChineseNumber.digits(2027));
    }

    @Test
    void thresholdRankSeatsAndRejection() {
        // 10 seated: more than half is at least 6. A 7 (rank 1) selected, B 6 passes but ranks 2 of 1 seat, C 2 fails
        List<CastBallot> ballots = new ArrayList<>(ticks(6, "A", "B"));
        ballots.addAll(ticks(1, "A"));
        ballots.addAll(ticks(2, "C"));
        Rules rules = new Rules(BallotKind.SELECTION, Method.APPROVAL, 1, 2, Threshold.MAJORITY_OF_SEATED, null, null);
        TallyResult t = Tally.count(rules, List.of("A", "B", "C"), new Roster(10, 10, 10), ballots);
        Map<String, String> why = Explanation.of(t, id -> id + " 项目");
        contains(why.get("A"), "赞成票 7 票", "全体代表 10 人的二分之一（不含本数），即至少 6 票", "已通过", "排第 1 位", "在应选 1 项之内，当选");
        contains(why.get("B"), "赞成票 6 票", "已通过", "排第 2 位", "排在应选 1 项之外，未当选");
        contains(why.get("C"), "赞成票 2 票", "未通过", "未当选");
    }

    @Test
    void aTieBrokenByLotGivesTheSeedAndTheDrawOrder() {
        List<CastBallot> ballots = ticks(6, "A", "B");
        Rules rules = new Rules(BallotKind.SELECTION, Method.APPROVAL, 1, 2, Threshold.MAJORITY_OF_SEATED, TiePolicy.LOT, null);
        TallyResult t = Tally.count(rules, List.of("A", "B"), new Roster(10, 10, 10), ballots, List.of(), 42L);
        Lot lot = t.lot().orElseThrow();
        Map<String, String> why = Explanation.of(t, id -> id + " 项目");
        String winner = lot.winners().get(0);
        String loser = lot.drawOrder().get(1);
        contains(why.get(winner), "公开种子 42", "抽签顺序 「" + lot.drawOrder().get(0) + " 项目」、「" + loser + " 项目」", "中签", "当选");
        contains(why.get(loser), "公开种子 42", "未中签", "未当选");
    }

    @Test
    void aTieForARunoffAndASupplementaryBallotSaySo() {
        Rules runoff = new Rules(BallotKind.SELECTION, Method.APPROVAL, 1, 2, Threshold.MAJORITY_OF_SEATED, TiePolicy.RUNOFF, null);
        TallyResult t = Tally.count(runoff, List.of("A", "B"), new Roster(10, 10, 10), ticks(6, "A", "B"));
        contains(Explanation.of(t, id -> id).get("A"), "与「B」得票相等", "争最后 1 个名额", "另行投票决定");
        Rules supplementary = new Rules(BallotKind.SELECTION, Method.APPROVAL, 2, 2, Threshold.MAJORITY_OF_SEATED, null,
                ShortfallPolicy.SUPPLEMENTARY, null, new FollowUpRules(FollowUpRules.Candidates.BEST_PLACED, Fraction.HALF, null));
        List<CastBallot> ballots = new ArrayList<>(ticks(6, "A"));
        ballots.addAll(ticks(3, "B"));
        ballots.addAll(ticks(2, "C"));
        TallyResult s = Tally.count(supplementary, List.of("A", "B", "C", "D"), new Roster(11, 11, 11), ballots);
        contains(Explanation.of(s, id -> id).get("B"), "未通过", "列入补充投票候选（补选 1 项，按第一次投票得票多少的顺序取前 2 项）");
        assertTrue(!Explanation.of(s, id -> id).get("D").contains("补充投票"));
    }

    @Test
    void evaluationTiersMotionsAndVoidVotes() {
        Rules rating = new Rules(BallotKind.EVALUATION, Method.RATING, 0, null, Threshold.MAJORITY_OF_SEATED, null, null);
        List<CastBallot> ballots = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            ballots.add(CastBallot.of(new Mark("P", i < 5 ? Choice.SATISFIED : Choice.UNSATISFIED),
                    new Mark("Q", i < 3 ? Choice.SATISFIED : i < 6 ? Choice.BASICALLY_SATISFIED : Choice.UNSATISFIED)));
        }
        Map<String, String> why = Explanation.of(Tally.count(rating, List.of("P", "Q"), new Roster(10, 10, 10), ballots), id -> id);
        contains(why.get("P"), "满意票 5 票", "全体代表 10 人的二分之一以上，即至少 5 票", "测评结果为满意");
        contains(why.get("Q"), "满意票 3 票", "满意与基本满意票合计 6 票", "即至少 6 票", "基本满意");

        Rules motion = new Rules(BallotKind.MOTION, Method.YES_NO_ABSTAIN, 0, null, Threshold.MAJORITY_OF_SEATED, null, null);
        contains(Explanation.of(Tally.count(motion, List.of("M"), new Roster(10, 10, 10), ticks(6, "M")), id -> id).get("M"),
                "赞成票 6 票、反对 0 票、弃权 0 票", "议案通过");

        TallyResult voided = Tally.count(Rules.selection(1), List.of("A", "B"), new Roster(10, 5, 5), ticks(6, "A"));
        contains(Explanation.of(voided, id -> id).get("A"), "本次表决无效", "收回选票 6 张多于发出 5 张", "所投票数 6 张多于投票人数 5 人");
    }
}
