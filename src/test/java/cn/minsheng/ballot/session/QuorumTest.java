package cn.minsheng.ballot.session;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

import cn.minsheng.ballot.tally.Fraction;

/** 法定人数 without Quarkus: the fast tier of the pure rules. */
class QuorumTest {

    @Test
    void aPlenaryOfTwoHundredNeedsOneHundredThirtyFourPresent() {
        // 过三分之二 counted inclusively (达到): 200 × 2/3 = 133⅓, so 134
        Quorum q = Quorum.of(Fraction.TWO_THIRDS, true, 200, 134);
        assertEquals(134, q.required());
        assertTrue(q.met());
        assertFalse(Quorum.of(Fraction.TWO_THIRDS, true, 200, 133).met());
        assertEquals("2/3", q.fraction());
    }

    @Test
    void anExactFractionIsEnoughOnlyWhenInclusive() {
        // 201 × 2/3 = 134 exactly: 达到 takes 134, 超过 takes 135
        assertEquals(134, Quorum.of(Fraction.TWO_THIRDS, true, 201, 0).required());
        assertEquals(135, Quorum.of(Fraction.TWO_THIRDS, false, 201, 0).required());
        assertTrue(Quorum.of(Fraction.TWO_THIRDS, true, 201, 134).met());
        assertFalse(Quorum.of(Fraction.TWO_THIRDS, false, 201, 134).met());
    }

    @Test
    void aCommitteeNeedsMoreThanHalf() {
        // 过半数 (超过): 10 members need 6, 11 need 6
        assertEquals(6, Quorum.of(Fraction.HALF, false, 10, 0).required());
        assertFalse(Quorum.of(Fraction.HALF, false, 10, 5).met());
        assertTrue(Quorum.of(Fraction.HALF, false, 10, 6).met());
        assertEquals(6, Quorum.of(Fraction.HALF, false, 11, 0).required());
    }

    @Test
    void metIsExactlyPresentReachingRequired() {
        // the figure shown (required) and the decision (met) never disagree, for every fraction, size and count
        Fraction[] fractions = { Fraction.HALF, Fraction.TWO_THIRDS, new Fraction(3, 4), new Fraction(3, 5) };
        for (Fraction f : fractions) {
            for (boolean inclusive : new boolean[] { true, false }) {
                for (long seated = 0; seated <= 120; seated++) {
                    for (long present = 0; present <= seated; present++) {
                        Quorum q = Quorum.of(f, inclusive, seated, present);
                        assertEquals(present >= q.required(), q.met(), f + (inclusive ? " 达到 " : " 超过 ") + present + "/" + seated);
                    }
                }
            }
        }
    }
}
