package cn.minsheng.ballot.ballot;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.HashMap;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.minsheng.ballot.ballot.BallotLifecycle.BallotEvent;
import cn.minsheng.ballot.ballot.BallotLifecycle.ResultEvent;
import cn.minsheng.ballot.ballot.BallotLifecycle.ResultStage;

/** Every state and every event of the ballot's and the result's machine, without Quarkus. */
class BallotLifecycleTest {

    /** expected: the next state, or the refusal's code */
    private static Object expected(BallotStatus from, BallotEvent event) {
        Map<String, Object> allowed = new HashMap<>(Map.of("DRAFT/EDIT", BallotStatus.DRAFT, "DRAFT/OPEN", BallotStatus.OPEN,
                "OPEN/CAST", BallotStatus.OPEN, "OPEN/CLOSE", BallotStatus.CLOSING, "CLOSING/CLOSED", BallotStatus.CLOSED));
        Object to = allowed.get(from + "/" + event);
        if (to != null) {
            return to;
        }
        return switch (event) {
            case EDIT -> "RULES_FROZEN";
            case OPEN -> "BALLOT_NOT_DRAFT";
            case CAST, CLOSE -> from == BallotStatus.DRAFT ? "BALLOT_NOT_OPEN" : "BALLOT_CLOSED";
            case CLOSED -> "BALLOT_NOT_CLOSING";
        };
    }

    @Test
    void everyBallotMove() {
        int allowed = 0;
        for (BallotStatus from : BallotStatus.values()) {
            for (BallotEvent event : BallotEvent.values()) {
                Object want = expected(from, event);
                if (want instanceof BallotStatus to) {
                    assertEquals(to, BallotLifecycle.next(from, event), from + "/" + event);
                    allowed++;
                } else {
                    BallotLifecycle.Refused r = assertThrows(BallotLifecycle.Refused.class, () -> BallotLifecycle.next(from, event),
                            from + "/" + event);
                    assertEquals(want, r.code(), from + "/" + event);
                }
            }
        }
        assertEquals(5, allowed);
    }

    @Test
    void theRefusalsThatNameTheStateCarryIt() {
        assertArrayEquals(new Object[] { BallotStatus.OPEN },
                assertThrows(BallotLifecycle.Refused.class, () -> BallotLifecycle.next(BallotStatus.OPEN, BallotEvent.EDIT)).args());
        assertArrayEquals(new Object[] { BallotStatus.CLOSED },
                assertThrows(BallotLifecycle.Refused.class, () -> BallotLifecycle.next(BallotStatus.CLOSED, BallotEvent.OPEN)).args());
        assertArrayEquals(new Object[0],
                assertThrows(BallotLifecycle.Refused.class, () -> BallotLifecycle.next(BallotStatus.CLOSED, BallotEvent.CAST)).args());
    }

    @Test
    void everyResultMove() {
        Map<String, Object> want = Map.of(
                "AWAITING_DECRYPTION/DECRYPT", ResultStage.COUNTED,
                "AWAITING_DECRYPTION/COUNTERSIGN", "SEALED_NOT_DECRYPTED",
                "AWAITING_DECRYPTION/CHAIR_DECISION", "SEALED_NOT_DECRYPTED",
                "AWAITING_DECRYPTION/PUBLISH", "SEALED_NOT_DECRYPTED",
                "COUNTED/DECRYPT", "SEALED_ALREADY_COUNTED",
                "COUNTED/COUNTERSIGN", ResultStage.COUNTED,
                "COUNTED/CHAIR_DECISION", ResultStage.COUNTED,
                "COUNTED/PUBLISH", ResultStage.PUBLISHED,
                "PUBLISHED/DECRYPT", "SEALED_ALREADY_COUNTED",
                "PUBLISHED/COUNTERSIGN", "RESULT_FINAL");
        Map<String, Object> all = new HashMap<>(want);
        all.put("PUBLISHED/CHAIR_DECISION", "RESULT_FINAL");
        all.put("PUBLISHED/PUBLISH", "RESULT_FINAL");
        assertEquals(ResultStage.values().length * ResultEvent.values().length, all.size());
        for (ResultStage from : ResultStage.values()) {
            for (ResultEvent event : ResultEvent.values()) {
                Object w = all.get(from + "/" + event);
                if (w instanceof ResultStage to) {
                    assertEquals(to, BallotLifecycle.next(from, event), from + "/" + event);
                } else {
                    assertEquals(w, assertThrows(BallotLifecycle.Refused.class, () -> BallotLifecycle.next(from, event)).code(),
                            from + "/" + event);
                }
            }
        }
    }

    @Test
    void aClosedBallotsResultStartsCountedOrAwaitingItsDecryption() {
        assertEquals(ResultStage.COUNTED, BallotLifecycle.firstStage(false));
        assertEquals(ResultStage.AWAITING_DECRYPTION, BallotLifecycle.firstStage(true));
    }
}
