package cn.minsheng.ballot.ballot;

import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.minsheng.ballot.support.Api;
import cn.minsheng.ballot.support.Api.Hall;
import cn.minsheng.ballot.support.SealedPath;
import cn.minsheng.ballot.support.SealedVariant;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.enterprise.inject.Typed;

/**
 * {@link MinMarksTest} through the sealed path ({@link SealedPath}): "exactly two" proven by the sealed
 * ballot's FOR-sum range proof [2, 2]; the tablet ballot with too few marks is refused (422
 * SEALED_BALLOT_INVALID instead of 400 TOO_FEW_MARKS, SealedPath.refused), the paper one counted invalid
 * as in the clear — the count unchanged.
 */
@QuarkusTest
@Typed(SealedMinMarksTest.class) // a test class is a bean: only this type, or the base class would resolve to two beans
class SealedMinMarksTest extends MinMarksTest implements SealedVariant {

    /**
     * Clear-only: acceptOvermarked takes an undermarked tablet ballot as a 废票. A sealed ballot proves at
     * least minMarks FOR marks, so it is valid by construction (README "Sealed ballots"): the undermarked
     * one is refused and not returned; the honest ballot is counted as in the clear.
     */
    @Override
    @Test
    void paperLikeTabletsTakeAnUndermarkedBallotAsInvalid() {
        Hall hall = Api.hall(3, 3);
        var t = hall.tenant();
        List<String> c = Api.candidates15(t, Api.openWindow(t, 2027)).subList(0, 3);
        String ballot = Api.openBallot(hall, Map.of("title", "等额选择", "kind", "SELECTION", "seats", 2, "minSurplus", 1,
                "itemIds", c, "minMarks", 2, "acceptOvermarked", true));
        SealedPath.refused(Api.cast(hall.deputy(0), ballot, Api.ticks(c.subList(0, 1))), ballot, "TOO_FEW_MARKS");
        Api.cast(hall.deputy(1), ballot, Api.ticks(c.subList(0, 2))).then().statusCode(201).body("valid", equalTo(true));
        t.as().post("/api/v1/ballots/" + ballot + "/close").then().statusCode(200).body("figures.invalid", equalTo(0))
                .body("figures.valid", equalTo(1)).body("figures.returned", equalTo(1));
        assertEquals(1, SealedPath.decryptedBallots());
    }
}
