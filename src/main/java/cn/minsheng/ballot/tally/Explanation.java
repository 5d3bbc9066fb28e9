package cn.minsheng.ballot.tally;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Each item's outcome with its reason in words, from the count alone: the threshold and its base,
 * the rank, a tie and how it was broken (the lot's seed and draw order), the follow-up.
 */
public final class Explanation {

    private Explanation() {
    }

    /** @param label an item's name as printed (e.g. "3. 城南小学扩建"), by item id */
    public static Map<String, String> of(TallyResult t, Function<String, String> label) {
        Map<String, String> out = new LinkedHashMap<>();
        for (ItemResult i : t.items()) {
            out.put(i.itemId(), item(t, i, label));
        }
        return out;
    }

    /** "全体代表 200 人的二分之一" and the fewest votes that pass: 101 (more than 100), 100 (以上). */
    public static String threshold(Threshold th, long base) {
        return baseLabel(th.base()) + " " + base + (th.base() == ThresholdBase.ALL_SEATED || th.base() == ThresholdBase.PRESENT
                ? " 人" : " 张") + "的" + ChineseNumber.of(th.fraction()) + (th.inclusive() ? "以上" : "（不含本数）") + "，即至少 "
                + fewestPassing(th, base) + " 票";
    }

    static long fewestPassing(Threshold th, long base) {
        long product = th.fraction().numerator() * base;
        long d = th.fraction().denominator();
        return th.inclusive() ? (product + d - 1) / d : product / d + 1;
    }

    public static String baseLabel(ThresholdBase base) {
        return switch (base) {
            case ALL_SEATED -> "全体代表";
            case PRESENT -> "出席代表";
            case BALLOTS_CAST -> "收回选票";
            case VALID_BALLOTS -> "有效票";
        };
    }

    private static long base(TallyResult t, ThresholdBase base) {
        return switch (base) {
            case ALL_SEATED -> t.roster().seated();
            case PRESENT -> t.roster().present();
            case BALLOTS_CAST -> t.returned();
            case VALID_BALLOTS -> t.valid();
        };
    }

    private static String item(TallyResult t, ItemResult i, Function<String, String> label) {
        Rules rules = t.rules();
        if (i.outcome() == Outcome.VOID) {
            return "本次表决无效（" + voidText(t) + "），应重新进行，不产生结果。";
        }
        if (rules.method() == Method.RATING) {
            Threshold top = rules.tiers().satisfied();
            Threshold basic = rules.tiers().basicallySatisfied();
            int atLeast = i.satisfiedCount() + i.basicallySatisfiedCount();
            String s = "满意票 " + i.satisfiedCount() + " 票，满意档须达到" + threshold(top, base(t, top.base())) + "；";
            return s + switch (i.outcome()) {
                case SATISFIED -> "已达到，测评结果为满意。";
                case BASICALLY_SATISFIED -> "未达到；满意与基本满意票合计 " + atLeast + " 票，达到基本满意档（"
                        + threshold(basic, base(t, basic.base())) + "），测评结果为基本满意。";
                default -> "未达到；满意与基本满意票合计 " + atLeast + " 票，未达到基本满意档（" + threshold(basic, base(t, basic.base()))
                        + "），测评结果为不满意，应整改并重新测评。";
            };
        }
        String votes = "赞成票 " + i.forCount() + " 票" + (rules.method() == Method.YES_NO_ABSTAIN
                ? "、反对 " + i.againstCount() + " 票、弃权 " + i.abstainCount() + " 票" : "") + "；通过须"
                + threshold(rules.threshold(), t.thresholdBase()) + "，" + (i.passed() ? "已通过" : "未通过");
        if (rules.kind() == BallotKind.MOTION) {
            return votes + "，" + (i.outcome() == Outcome.ADOPTED ? "议案通过。" : "议案未通过。");
        }
        String rank = "；按赞成票排第 " + i.rank() + " 位";
        String followUp = t.followUp().filter(f -> f.kind() == FollowUp.Kind.SUPPLEMENTARY && f.items().contains(i.itemId()))
                .map(f -> "；列入补充投票候选（补选 " + f.seats() + " 项" + (rules.followUp().candidates() == FollowUpRules.Candidates.BEST_PLACED
                        ? "，按第一次投票得票多少的顺序取前 " + f.items().size() + " 项" : "，剩余项目均列入") + "）")
                .orElse("");
        String lot = t.lot().filter(l -> l.drawOrder().contains(i.itemId()))
                .map(l -> "；与" + others(l.drawOrder(), i.itemId(), label) + "得票相等，争剩余 " + l.winners().size()
                        + " 个名额，依票决办法抽签决定：公开种子 " + l.seed() + "，抽签顺序 " + names(l.drawOrder(), label) + "，"
                        + (l.winners().contains(i.itemId()) ? "中签" : "未中签"))
                .orElse("");
        return votes + rank + lot + followUp + "；" + switch (i.outcome()) {
            case SELECTED -> "在应选 " + rules.seats() + " 项之内，当选。";
            case NOT_SELECTED -> lot.isEmpty() ? "排在应选 " + rules.seats() + " 项之外，未当选。" : "未当选。";
            case TIED -> t.followUp().map(f -> "与" + others(f.items(), i.itemId(), label) + "得票相等，争最后 " + f.seats() + " 个名额，"
                    + (f.kind() == FollowUp.Kind.RUNOFF ? "另行投票决定。" : "由主持人决定。")).orElse("得票相等。");
            default -> "未当选。";
        };
    }

    private static String others(List<String> ids, String self, Function<String, String> label) {
        List<String> rest = new ArrayList<>(ids);
        rest.remove(self);
        return names(rest, label);
    }

    private static String names(List<String> ids, Function<String, String> label) {
        return String.join("、", ids.stream().map(id -> "「" + label.apply(id) + "」").toList());
    }

    private static String voidText(TallyResult t) {
        List<String> why = new ArrayList<>();
        for (VoidReason r : t.voidReasons()) {
            why.add(switch (r) {
                case MORE_RETURNED_THAN_ISSUED -> "收回选票 " + t.returned() + " 张多于发出 " + t.roster().issued() + " 张";
                case PAPER_MORE_RETURNED_THAN_ISSUED -> "收回纸质选票 " + t.paperReturned() + " 张多于发出 " + t.roster().paperIssued() + " 张";
                case MORE_BALLOTS_THAN_VOTERS -> "所投票数 " + t.returned() + " 张多于投票人数 " + t.roster().voters() + " 人";
            });
        }
        return String.join("；", why);
    }
}
