package cn.minsheng.ballot.ballot;

import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.minsheng.ballot.support.Api;
import cn.minsheng.ballot.support.Api.Hall;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ValidatableResponse;

/** Tablet and paper in one vote: each present deputy is issued exactly one ballot, and the three void cases. */
@QuarkusTest
class MixedChannelTest {

    private static Map<String, Object> tick(String item) {
        return Map.of("marks", List.of(Map.of("itemId", item, "choice", "FOR")));
    }

    private record Vote(Hall hall, List<String> items, String ballot) {
        ValidatableResponse paper(Map<String, Object> entry) {
            return Api.as(hall.scrutineers().get(0)).body(entry).post("/api/v1/ballots/" + ballot + "/paper").then();
        }

        ValidatableResponse close() {
            return hall.tenant().as().post("/api/v1/ballots/" + ballot + "/close").then().statusCode(200);
        }
    }

    /** 6 present, one seat among three, both channels; the first {@code tablets} deputies vote on their tablets. */
    private static Vote vote(int tablets) {
        Hall hall = Api.hall(8, 6);
        var t = hall.tenant();
        List<String> c = Api.candidates15(t, Api.openWindow(t, 2027)).subList(0, 3);
        String ballot = Api.openBallot(hall, Map.of("title", "混合票决", "kind", "SELECTION", "seats", 1, "minSurplus", 1,
                "itemIds", c, "channels", List.of("ELECTRONIC", "PAPER")));
        for (int i = 0; i < tablets; i++) {
            Api.cast(hall.deputy(i), ballot, Api.ticks(c.subList(0, 1))).then().statusCode(201);
        }
        return new Vote(hall, c, ballot);
    }

    @Test
    void fourOnTabletsAndTwoOnPaperAreSixIssuedAndThePaperDeputiesCannotUseTheirTablets() {
        Vote v = vote(4);
        Hall hall = v.hall();
        // deputy 0 has voted on the tablet: no paper ballot for them
        v.paper(Map.of("issued", 1, "issuedTo", List.of(hall.deputyIds().get(0)))).statusCode(409).body("code", equalTo("ALREADY_VOTED"));
        // deputy 7 is absent
        v.paper(Map.of("issued", 1, "issuedTo", List.of(hall.deputyIds().get(7)))).statusCode(409).body("code", equalTo("NOT_PRESENT"));
        v.paper(Map.of("issued", 2, "issuedTo", List.of(hall.deputyIds().get(4)))).statusCode(400)
                .body("code", equalTo("PAPER_ENTRY_INVALID"));
        v.paper(Map.of("issued", 2, "issuedTo", hall.deputyIds().subList(4, 6))).statusCode(200); // handed out first
        v.paper(Map.of("issued", 0, "ballots", List.of(tick(v.items().get(1)), tick(v.items().get(1))))).statusCode(200);
        Api.cast(hall.deputy(4), v.ballot(), Api.ticks(v.items().subList(0, 1))).then().statusCode(409)
                .body("code", equalTo("PAPER_BALLOT_ISSUED"));
        v.close().body("figures.present", equalTo(6)).body("figures.issued", equalTo(6)).body("figures.returned", equalTo(6))
                .body("figures.notReturned", equalTo(0)).body("figures.ballots.electronicIssued", equalTo(4))
                .body("figures.ballots.paperIssued", equalTo(2)).body("figures.ballots.electronicReturned", equalTo(4))
                .body("figures.ballots.paperReturned", equalTo(2)).body("figures.ballots.voters", equalTo(6))
                .body("figures.voided", equalTo(false)).body("figures.items[0].forCount", equalTo(4))
                .body("figures.items[1].forCount", equalTo(2));
    }

    @Test
    void threePaperBallotsBackAgainstTwoIssuedVoidTheVote() {
        Vote v = vote(4);
        v.paper(Map.of("issued", 2, "totals", Map.of("returned", 3, "counts", Map.of(v.items().get(1), Map.of("FOR", 3)))))
                .statusCode(200);
        v.close().body("figures.issued", equalTo(6)).body("figures.returned", equalTo(7)).body("figures.voided", equalTo(true))
                .body("figures.voidReasons", equalTo(List.of("MORE_RETURNED_THAN_ISSUED", "PAPER_MORE_RETURNED_THAN_ISSUED",
                        "MORE_BALLOTS_THAN_VOTERS")))
                .body("figures.items[0].outcome", equalTo("VOID"));
    }

    @Test
    void thePaperBoxAloneReturningMoreThanItIssuedVoidsTheVote() {
        Vote v = vote(3); // three tablets unused: 4 tablet ballots issued, 2 paper
        v.paper(Map.of("issued", 2, "totals", Map.of("returned", 3, "counts", Map.of(v.items().get(1), Map.of("FOR", 3)))))
                .statusCode(200);
        v.close().body("figures.issued", equalTo(6)).body("figures.returned", equalTo(6))
                .body("figures.voidReasons", equalTo(List.of("PAPER_MORE_RETURNED_THAN_ISSUED"))).body("figures.voided", equalTo(true));
    }

    @Test
    void moreBallotsThanVotersVoidTheVote() {
        Vote v = vote(4);
        // four paper ballots handed out to six present deputies, four of whom voted on their tablets: 8 issued, 6 voters
        v.paper(Map.of("issued", 4, "totals", Map.of("returned", 3, "counts", Map.of(v.items().get(1), Map.of("FOR", 3)))))
                .statusCode(200);
        v.close().body("figures.issued", equalTo(8)).body("figures.returned", equalTo(7)).body("figures.ballots.voters", equalTo(6))
                .body("figures.voidReasons", equalTo(List.of("MORE_BALLOTS_THAN_VOTERS")));
        String result = "/api/v1/ballots/" + v.ballot() + "/result";
        Api.as(v.hall().scrutineers().get(0)).post(result + "/countersign").then().statusCode(200);
        Api.as(v.hall().scrutineers().get(1)).post(result + "/countersign").then().statusCode(200);
        v.hall().tenant().as().post(result + "/publish").then().statusCode(409).body("code", equalTo("VOTE_VOID"));
    }

    @Test
    void asManyBallotsAsIssuedIsValid() {
        Vote v = vote(4);
        v.paper(Map.of("issued", 2, "totals", Map.of("returned", 2, "counts", Map.of(v.items().get(1), Map.of("FOR", 2)))))
                .statusCode(200);
        v.close().body("figures.issued", equalTo(6)).body("figures.returned", equalTo(6)).body("figures.voided", equalTo(false))
                .body("figures.voidReasons", equalTo(List.of())).body("figures.items[0].forCount", equalTo(4))
                .body("figures.items[1].forCount", equalTo(2));
    }
}
