package cn.minsheng.ballot.slate;

import cn.minsheng.ballot.common.ApiException;

/** 差额: a slate must offer at least {@code seats + minSurplus} candidates. */
public final class SurplusRule {

    private SurplusRule() {
    }

    public static void check(int candidates, int seats, int minSurplus) {
        if (candidates < seats + minSurplus) {
            throw new ApiException(ApiException.Kind.REJECTED, "SURPLUS_RULE_BROKEN", candidates, seats, minSurplus, seats + minSurplus);
        }
    }
}
