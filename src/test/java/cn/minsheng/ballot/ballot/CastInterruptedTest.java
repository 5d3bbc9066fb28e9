package cn.minsheng.ballot.ballot;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.Map;
import java.util.UUID;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.minsheng.ballot.common.ApiException;
import cn.minsheng.ballot.common.RetryAfter;
import cn.minsheng.ballot.support.Api;
import cn.minsheng.ballot.support.Api.Hall;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;

/**
 * The cast statement wrote nothing, the check after it found the deputy entitled after all, and no
 * participation row is there: the deputy's standing changed in that very moment. Not reachable on
 * purpose through the API (it takes a check-in landing between two statements of one cast), so the
 * step is called here as the cast calls it: a 503 with Retry-After that the tablet sends again with
 * the same key, where it used to be a 500 (an empty list read at index 0).
 */
@QuarkusTest
class CastInterruptedTest {

    @Inject
    CastService casts;

    @Inject
    OpenBallots openBallots;

    @Test
    void noParticipationRowAfterARefusedStatementAsksTheTabletToSendAgain() {
        Hall hall = Api.hall(3, 3);
        String ballotId = Api.openBallot(hall, Map.of("title", "关于调整项目的决议", "kind", "MOTION", "motion", "同意调整"));
        OpenBallots.Snapshot snapshot = QuarkusTransaction.requiringNew()
                .call(() -> openBallots.remember(Ballot.<Ballot>findById(UUID.fromString(ballotId))));
        UUID deputy = UUID.fromString(hall.deputyIds().get(0));
        ApiException e = assertThrows(ApiException.class, () -> QuarkusTransaction.requiringNew()
                .call(() -> casts.replay(snapshot, deputy, UUID.randomUUID().toString(), "{}")));
        assertEquals("CAST_INTERRUPTED", e.code());
        assertEquals(ApiException.Kind.UNAVAILABLE, e.kind());
        assertInstanceOf(RetryAfter.class, e);
        long written = QuarkusTransaction.requiringNew().call(() -> ((Number) Ballot.getEntityManager()
                .createNativeQuery("SELECT count(*) FROM participation WHERE ballot_id = :b").setParameter("b", snapshot.id())
                .getSingleResult()).longValue());
        assertEquals(0, written, "nothing written");
    }
}
