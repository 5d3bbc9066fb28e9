package cn.minsheng.ballot.ballot;

import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.minsheng.ballot.support.Api;
import cn.minsheng.ballot.support.Api.Hall;
import cn.minsheng.ballot.support.SealedPath;
import io.quarkus.test.junit.QuarkusTest;

/** "Exactly as many as the seats" (minMarks = maxMarks = seats) on the tablet and on paper. */
@QuarkusTest
class MinMarksTest {

    private static Map<String, Object> ticks(List<String> items) {
        return Map.of("marks", items.stream().map(i -> Map.of("itemId", i, "choice", "FOR")).toList());
    }

    @Test
    void aBallotWithFewerMarksIsRefusedOnTheTabletAndInvalidOnPaper() {
        Hall hall = Api.hall(6, 6);
        var t = hall.tenant();
        List<String> c = Api.candidates15(t, Api.openWindow(t, 2027)).subList(0, 4);
        String ballot = t.as().body(Map.of("title", "等额选择", "kind", "SELECTION", "seats", 2, "minSurplus", 1, "itemIds", c,
                "minMarks", 2, "maxMarks", 2, "channels", List.of("ELECTRONIC", "PAPER")))
                .post("/api/v1/sessions/" + hall.sessionId() + "/ballots").then().statusCode(201).body("minMarks", equalTo(2))
                .body("markLimit", equalTo(2)).extract().path("id");
        t.as().body(Map.of("title", "x", "kind", "SELECTION", "seats", 2, "itemIds", c, "minMarks", 3))
                .post("/api/v1/sessions/" + hall.sessionId() + "/ballots").then().statusCode(400).body("code", equalTo("RULES_INVALID"));
        t.as().post("/api/v1/ballots/" + ballot + "/open").then().statusCode(200);
        SealedPath.refused(Api.cast(hall.deputy(0), ballot, Api.ticks(c.subList(0, 1))), ballot, "TOO_FEW_MARKS");
        SealedPath.refused(Api.cast(hall.deputy(0), ballot, Map.of()), ballot, "TOO_FEW_MARKS");
        SealedPath.refused(Api.cast(hall.deputy(0), ballot, Api.ticks(c.subList(0, 3))), ballot, "TOO_MANY_MARKS");
        for (int i = 0; i < 4; i++) {
            Api.cast(hall.deputy(i), ballot, Api.ticks(c.subList(0, 2))).then().statusCode(201).body("valid", equalTo(true));
        }
        // two paper ballots: one with exactly two marks, one with one mark (invalid, kept on the board)
        Api.as(hall.scrutineers().get(0)).body(Map.of("issued", 2, "issuedTo", hall.deputyIds().subList(4, 6), "ballots",
                List.of(ticks(c.subList(2, 4)), ticks(c.subList(2, 3))))).post("/api/v1/ballots/" + ballot + "/paper").then()
                .statusCode(200);
        t.as().post("/api/v1/ballots/" + ballot + "/close").then().statusCode(200).body("figures.returned", equalTo(6))
                .body("figures.valid", equalTo(5)).body("figures.invalid", equalTo(1))
                .body("figures.invalidByReason.TOO_FEW_MARKS", equalTo(1)).body("figures.minMarks", equalTo(2))
                .body("figures.items[2].forCount", equalTo(1));
    }

    @Test
    void paperLikeTabletsTakeAnUndermarkedBallotAsInvalid() {
        Hall hall = Api.hall(3, 3);
        var t = hall.tenant();
        List<String> c = Api.candidates15(t, Api.openWindow(t, 2027)).subList(0, 3);
        String ballot = Api.openBallot(hall, Map.of("title", "等额选择", "kind", "SELECTION", "seats", 2, "minSurplus", 1,
                "itemIds", c, "minMarks", 2, "acceptOvermarked", true));
        Api.cast(hall.deputy(0), ballot, Api.ticks(c.subList(0, 1))).then().statusCode(201).body("valid", equalTo(false))
                .body("invalidReason", equalTo("TOO_FEW_MARKS"));
        Api.cast(hall.deputy(1), ballot, Api.ticks(c.subList(0, 2))).then().statusCode(201).body("valid", equalTo(true));
        t.as().post("/api/v1/ballots/" + ballot + "/close").then().statusCode(200).body("figures.invalidByReason.TOO_FEW_MARKS",
                equalTo(1)).body("figures.valid", equalTo(1));
    }
}
