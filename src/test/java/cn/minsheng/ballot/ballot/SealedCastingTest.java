package cn.minsheng.ballot.ballot;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.Set;

import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.Test;

import cn.minsheng.ballot.support.Api;
import cn.minsheng.ballot.support.Api.Hall;
import cn.minsheng.ballot.support.SealedPath;
import cn.minsheng.ballot.support.SealedVariant;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Typed;

/**
 * {@link CastingTest} through the sealed path ({@link SealedPath}): a key ceremony before the session's
 * SECRET ballots open, every tablet cast sealed and proven on the test side, and close followed by the
 * scrutineers' partial decryptions. Every counting outcome is asserted as in the clear; the NAMED motion
 * stays in the clear. Adapted, with the reason: refused marks (SealedPath.refused), the board (the
 * tablets' ballots are on the sealed board), the secret ballot's rows (the encrypted ballots' table), and
 * the overmarked tablet ballot (below).
 */
@QuarkusTest
@Typed(SealedCastingTest.class) // a test class is a bean: only this type, or the base class would resolve to two beans
class SealedCastingTest extends CastingTest implements SealedVariant {

    @Override
    String contentTable() {
        return "sealed_content"; // a sealed ballot's tablet ballots: ciphertexts and proofs, rewritten at close in random order
    }

    @Override
    Set<String> contentColumns() {
        return Set.of("id", "ballot_id", "tracker", "cast_id", "encoding");
    }

    /**
     * Left out of the sealed run to keep the suite's time: 200 deputies casting three times each and then
     * 200 refused second casts are casting mechanics (the participation row, the retry MAC, the 409s), one
     * code path for sealed and clear ballots (CastService.castBy), not a counting rule; sealed, every one of
     * the 600 sealed bodies is verified by the service and it took twice the clear time (301 s against
     * 159 s on the shared machine). The sealed retries and refusals are in everyRefusalHasItsCode and
     * SealedSessionTest, and a crowd of sealed casts counted exactly in aBallotClosedWhileCastsAreInFlight….
     */
    @Override
    @Test
    @Disabled("casting mechanics, not a counting rule: see the comment; the suite's time")
    void twoHundredDeputiesCastAtOnceWithRetriesAndEachCountsOnce() {
    }

    /**
     * Clear-only: acceptOvermarked takes an overmarked tablet ballot as a 废票. A sealed ballot proves its
     * FOR marks within the limits, so it is valid by construction and acceptOvermarked does not apply
     * (README "Sealed ballots"): the overmarked one is refused (422) and counts as not returned. The
     * honest ballot's count is the same as in the clear.
     */
    @Override
    @Test
    void paperLikeTabletsTakeAnOvermarkedBallotAsInvalid() {
        Hall hall = Api.hall(4, 4);
        List<String> candidates = Api.candidates15(hall.tenant(), Api.openWindow(hall.tenant(), 2027));
        String ballot = Api.openBallot(hall, Map.of("title", "票决", "kind", "SELECTION", "seats", 2, "minSurplus", 1, "itemIds",
                candidates, "acceptOvermarked", true));
        SealedPath.refused(Api.cast(hall.deputy(0), ballot, Api.ticks(candidates.subList(0, 3))), ballot, "TOO_MANY_MARKS");
        Api.cast(hall.deputy(1), ballot, Api.ticks(candidates.subList(0, 2))).then().statusCode(201).body("valid", equalTo(true));
        SealedPath.refused(Api.cast(hall.deputy(2), ballot, Api.ticks(List.of(java.util.UUID.randomUUID().toString()))), ballot,
                "UNKNOWN_ITEM");
        hall.tenant().as().post("/api/v1/ballots/" + ballot + "/close").then().statusCode(200)
                .body("figures.returned", equalTo(1)).body("figures.valid", equalTo(1)).body("figures.invalid", equalTo(0))
                .body("figures.items[0].forCount", equalTo(1)).body("figures.items[1].forCount", equalTo(1));
        assertEquals(2, SealedPath.sealedCasts(), "the honest ballot and the overmarked one (with failing proofs) went in sealed");
        assertEquals(1, SealedPath.decryptedBallots());
    }
}
