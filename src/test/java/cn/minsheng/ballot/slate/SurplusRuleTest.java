package cn.minsheng.ballot.slate;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertDoesNotThrow;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

import cn.minsheng.ballot.common.ApiException;

/** 差额 without Quarkus: the fast tier of the pure rules. */
class SurplusRuleTest {

    @Test
    void tenSeatsWithASurplusOfTwoNeedTwelveCandidates() {
        assertDoesNotThrow(() -> SurplusRule.check(12, 10, 2));
        assertDoesNotThrow(() -> SurplusRule.check(15, 10, 2));
        ApiException e = assertThrows(ApiException.class, () -> SurplusRule.check(11, 10, 2));
        assertEquals("SURPLUS_RULE_BROKEN", e.code());
        assertEquals(ApiException.Kind.REJECTED, e.kind());
        // the message's arguments: candidates, seats, surplus, and the least number of candidates
        assertArrayEquals(new Object[] { 11, 10, 2, 12 }, e.args());
    }

    @Test
    void aSurplusOfNoneAllowsAsManyCandidatesAsSeats() {
        assertDoesNotThrow(() -> SurplusRule.check(10, 10, 0));
        assertThrows(ApiException.class, () -> SurplusRule.check(9, 10, 0));
    }
}
