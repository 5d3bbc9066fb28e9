package cn.minsheng.ballot.ballot;

import cn.minsheng.ballot.session.FractionText;
import cn.minsheng.ballot.tally.EvaluationTiers;
import cn.minsheng.ballot.tally.Threshold;
import cn.minsheng.ballot.tally.ThresholdBase;

/** Evaluation tiers as stored: {@code 1/2:ALL_SEATED:INCLUSIVE;1/2:ALL_SEATED:STRICT}. */
final class TierText {

    private TierText() {
    }

    static String write(EvaluationTiers tiers) {
        return tiers == null ? null : one(tiers.satisfied()) + ";" + one(tiers.basicallySatisfied());
    }

    static EvaluationTiers read(String text) {
        if (text == null) {
            return null;
        }
        String[] tiers = text.split(";");
        return new EvaluationTiers(parse(tiers[0]), parse(tiers[1]));
    }

    static String one(Threshold t) {
        return t.fraction() + ":" + t.base() + ":" + (t.inclusive() ? "INCLUSIVE" : "STRICT");
    }

    static Threshold parse(String text) {
        String[] f = text.split(":");
        return new Threshold(FractionText.parse("evaluationTiers", f[0]), ThresholdBase.valueOf(f[1]), "INCLUSIVE".equals(f[2]));
    }
}
