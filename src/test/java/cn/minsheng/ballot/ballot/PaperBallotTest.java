package cn.minsheng.ballot.ballot;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.minsheng.ballot.support.Api;
import cn.minsheng.ballot.support.Api.Hall;
import cn.minsheng.ballot.support.SealedPath;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PaperBallotTest {

    private static Map<String, Object> marks(List<String> items) {
        return Map.of("marks", items.stream().map(i -> Map.of("itemId", i, "choice", "FOR")).toList());
    }

    @Test
    void scrutineersEnterPaperBallotsOneByOneAndAsTotalsBesideTablets() {
        Hall hall = Api.hall(10, 10);
        var t = hall.tenant();
        List<String> c = Api.candidates15(t, Api.openWindow(t, 2027)).subList(0, 4);
        String ballot = Api.openBallot(hall, Map.of("title", "混合票决", "kind", "SELECTION", "seats", 2, "minSurplus", 1, "itemIds", c, "channels", List.of("ELECTRONIC", "PAPER")));
        for (int i = 0; i < 4; i++) {
            Api.cast(hall.deputy(i), ballot, Api.ticks(c.subList(0, 2))).then().statusCode(201);
        }
        String paper = "/api/v1/ballots/" + ballot + "/paper";
        String scrutineer = hall.scrutineers().get(0);
        // three paper ballots one by one; the third is over-marked and stays on the board as invalid
        Api.as(scrutineer).body(Map.of("issued", 3, "ballots", List.of(marks(c.subList(0, 1)), marks(c.subList(1, 3)),
                marks(c.subList(0, 3))))).post(paper).then().statusCode(200).body("ballotsEntered", equalTo(3))
                .body("trackers", hasSize(3));
        // a box of three counted as totals: one invalid
        Api.as(scrutineer).body(Map.of("issued", 3, "totals", Map.of("returned", 3, "invalid", 1, "counts",
                Map.of(c.get(2), Map.of("FOR", 2), c.get(3), Map.of("FOR", 1))))).post(paper).then().statusCode(200);
        Api.as(scrutineer).body(Map.of("issued", 1, "totals", Map.of("returned", 1, "counts", Map.of(c.get(2), Map.of("FOR", 2)))))
                .post(paper).then().statusCode(400).body("code", equalTo("PAPER_ENTRY_INVALID"));
        Api.as(scrutineer).body(Map.of("issued", 1, "totals", Map.of("returned", 1, "counts", Map.of(c.get(2), Map.of("AGAINST", 1)))))
                .post(paper).then().statusCode(400).body("code", equalTo("PAPER_ENTRY_INVALID"));
        Api.as(scrutineer).body(Map.of("issued", 1)).post(paper).then().statusCode(400).body("code", equalTo("PAPER_ENTRY_INVALID"));
        t.as().body(Map.of("issued", 1, "ballots", List.of())).post(paper).then().statusCode(403);

        t.as().post("/api/v1/ballots/" + ballot + "/close").then().statusCode(200)
                .body("figures.issued", equalTo(10)).body("figures.returned", equalTo(10)).body("figures.valid", equalTo(8))
                .body("figures.invalid", equalTo(2)).body("figures.items[0].forCount", equalTo(5))
                .body("figures.items[1].forCount", equalTo(5)).body("figures.items[2].forCount", equalTo(3))
                .body("figures.items[3].forCount", equalTo(1)).body("figures.voided", equalTo(false));
        List<Map<String, Object>> board = SealedPath.boardEntries(ballot); // on the sealed path the tablets' are on the sealed board
        assertEquals(7, board.size());
        assertEquals(3, board.stream().filter(e -> "PAPER".equals(e.get("channel"))).count());
        given().get("/api/v1/ballots/" + ballot + "/board").then().body("paperTotals", hasSize(2));
    }

    @Test
    void moreBallotsReturnedThanIssuedVoidsTheVote() {
        Hall hall = Api.hall(6, 6);
        var t = hall.tenant();
        List<String> c = Api.candidates15(t, Api.openWindow(t, 2027)).subList(0, 3);
        String ballot = Api.openBallot(hall, Map.of("title", "纸质票决", "kind", "SELECTION", "seats", 1, "minSurplus", 1, "itemIds", c, "channels", List.of("PAPER")));
        Api.cast(hall.deputy(0), ballot, Api.ticks(c.subList(0, 1))).then().statusCode(409).body("code", equalTo("CHANNEL_CLOSED"));
        Api.as(hall.scrutineers().get(0)).body(Map.of("issued", 6, "totals", Map.of("returned", 7, "invalid", 0, "counts",
                Map.of(c.get(0), Map.of("FOR", 7))))).post("/api/v1/ballots/" + ballot + "/paper").then().statusCode(200);
        t.as().post("/api/v1/ballots/" + ballot + "/close").then().statusCode(200).body("figures.voided", equalTo(true))
                .body("figures.selected", hasSize(0)).body("figures.items[0].outcome", equalTo("VOID"));
        String result = "/api/v1/ballots/" + ballot + "/result";
        Api.as(hall.scrutineers().get(0)).post(result + "/countersign").then().statusCode(200);
        Api.as(hall.scrutineers().get(1)).post(result + "/countersign").then().statusCode(200);
        t.as().post(result + "/publish").then().statusCode(409).body("code", equalTo("VOTE_VOID"));
    }

    @Test
    void aTieForTheChairAndAShortfallForASupplementaryBallot() {
        Hall hall = Api.hall(6, 6);
        var t = hall.tenant();
        List<String> c = Api.candidates15(t, Api.openWindow(t, 2027)).subList(0, 4);
        String chair = Api.openBallot(hall, Map.of("title", "主持人决定", "kind", "SELECTION", "seats", 1, "minSurplus", 1, "itemIds", c, "tiePolicy", "CHAIR_DECISION", "threshold", Map.of("fraction", "1/3", "base", "VALID_BALLOTS")));
        for (int i = 0; i < 6; i++) {
            Api.cast(hall.deputy(i), chair, Api.ticks(List.of(c.get(i % 2)))).then().statusCode(201);
        }
        t.as().post("/api/v1/ballots/" + chair + "/close").then().statusCode(200).body("figures.followUp.kind", equalTo("CHAIR_DECISION"))
                .body("figures.items[0].outcome", equalTo("TIED")).body("figures.followUp.ballotId", equalTo(null));
        String result = "/api/v1/ballots/" + chair + "/result";
        t.as().body(Map.of("selectedItemIds", List.of(c.get(2)), "reason", "x")).post(result + "/chair-decision").then()
                .statusCode(400).body("code", equalTo("CHAIR_DECISION_INVALID"));
        t.as().body(Map.of("selectedItemIds", List.of(c.get(1)), "reason", "主持人依据票决办法第十条决定"))
                .post(result + "/chair-decision").then().statusCode(200).body("figures.selected", equalTo(List.of(c.get(1))))
                .body("figures.items[1].outcome", equalTo("SELECTED")).body("figures.items[0].outcome", equalTo("NOT_SELECTED"))
                .body("chairDecisionReason", equalTo("主持人依据票决办法第十条决定"));
        t.as().body(Map.of("selectedItemIds", List.of(c.get(0)), "reason", "again")).post(result + "/chair-decision").then()
                .statusCode(409).body("code", equalTo("NO_CHAIR_DECISION_PENDING"));

        String short_ = Api.openBallot(hall, Map.of("title", "补充投票", "kind", "SELECTION", "seats", 2, "minSurplus", 1, "itemIds", c, "shortfallPolicy", "SUPPLEMENTARY"));
        for (int i = 0; i < 6; i++) {
            Api.cast(hall.deputy(i), short_, Api.ticks(i < 4 ? List.of(c.get(0)) : List.of(c.get(1)))).then().statusCode(201);
        }
        String supplementary = t.as().post("/api/v1/ballots/" + short_ + "/close").then().statusCode(200)
                .body("figures.selected", equalTo(List.of(c.get(0)))).body("figures.shortfall", equalTo(1))
                .body("figures.followUp.kind", equalTo("SUPPLEMENTARY")).body("figures.followUp.items", hasSize(3))
                .extract().path("figures.followUp.ballotId");
        t.as().get("/api/v1/ballots/" + supplementary).then().body("seats", equalTo(1)).body("items", hasSize(3))
                .body("title", equalTo("补充投票（补充投票）"));
    }

    @Test
    void anEvaluationRatesEachProject() {
        Hall hall = Api.hall(5, 5);
        var t = hall.tenant();
        List<String> c = Api.candidates15(t, Api.openWindow(t, 2027)).subList(0, 2);
        String ballot = t.as().body(Map.of("title", "满意度测评", "kind", "EVALUATION", "itemIds", c,
                "threshold", Map.of("fraction", "1/2", "base", "VALID_BALLOTS"))).post("/api/v1/sessions/" + hall.sessionId()
                        + "/ballots").then().statusCode(201).body("method", equalTo("RATING")).extract().path("id");
        t.as().post("/api/v1/ballots/" + ballot + "/open").then().statusCode(200);
        String[][] votes = { { "SATISFIED", "UNSATISFIED" }, { "SATISFIED", "BASICALLY_SATISFIED" },
                { "SATISFIED", "UNSATISFIED" }, { "UNSATISFIED", "BASICALLY_SATISFIED" }, { "ABSTAIN", "UNSATISFIED" } };
        for (int i = 0; i < 5; i++) {
            Api.cast(hall.deputy(i), ballot, Map.of(c.get(0), votes[i][0], c.get(1), votes[i][1])).then().statusCode(201);
        }
        SealedPath.refused(Api.cast(hall.deputy(0), ballot, Map.of(c.get(0), "FOR")), ballot, "CHOICE_NOT_ALLOWED");
        t.as().post("/api/v1/ballots/" + ballot + "/close").then().statusCode(200)
                .body("figures.items[0].outcome", equalTo("SATISFIED")).body("figures.items[0].satisfactionRate", equalTo("3/5"))
                .body("figures.items[0].satisfactionPercent", equalTo("60"))
                .body("figures.items[1].outcome", equalTo("UNSATISFIED")).body("figures.items[1].satisfactionPercent", equalTo("40"));
    }
}
