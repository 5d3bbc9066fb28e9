package cn.minsheng.ballot.result;

import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.minsheng.ballot.support.Api;
import cn.minsheng.ballot.support.Api.Hall;
import io.quarkus.test.junit.QuarkusTest;

/** A supplementary ballot among the best placed remaining candidates, with its own threshold, both fixed with the first ballot. */
@QuarkusTest
class FollowUpRulesTest {

    @Test
    void theSupplementaryBallotOffersTheBestPlacedAndTakesMostVotesWithAtLeastAThird() {
        Hall hall = Api.hall(6, 6);
        var t = hall.tenant();
        List<String> c = Api.candidates15(t, Api.openWindow(t, 2027)).subList(0, 4);
        String first = t.as().body(Map.of("title", "第一次投票", "kind", "SELECTION", "seats", 2, "minSurplus", 1, "itemIds", c,
                "shortfallPolicy", "SUPPLEMENTARY", "followUp", Map.of("candidates", "BEST_PLACED", "surplus", "1/2",
                        "threshold", Map.of("fraction", "1/3", "base", "BALLOTS_CAST", "inclusive", true))))
                .post("/api/v1/sessions/" + hall.sessionId() + "/ballots").then().statusCode(201)
                .body("followUp.candidates", equalTo("BEST_PLACED")).body("followUp.surplus", equalTo("1/2"))
                .body("followUp.threshold.base", equalTo("BALLOTS_CAST")).extract().path("id");
        t.as().body(Map.of("title", "x", "kind", "SELECTION", "seats", 1, "itemIds", c, "followUp", Map.of("candidates", "BEST_PLACED")))
                .post("/api/v1/sessions/" + hall.sessionId() + "/ballots").then().statusCode(400).body("code", equalTo("RULES_INVALID"));
        t.as().post("/api/v1/ballots/" + first + "/open").then().statusCode(200);
        // c0 4 (more than half of 6), c1 3, c2 2, c3 1
        List<List<String>> votes = List.of(List.of(c.get(0), c.get(1)), List.of(c.get(0), c.get(1)), List.of(c.get(0), c.get(1)),
                List.of(c.get(0), c.get(2)), List.of(c.get(2), c.get(3)), List.of());
        for (int i = 0; i < 6; i++) {
            Api.cast(hall.deputy(i), first, Api.ticks(votes.get(i))).then().statusCode(201);
        }
        String second = t.as().post("/api/v1/ballots/" + first + "/close").then().statusCode(200)
                .body("figures.selected", equalTo(List.of(c.get(0)))).body("figures.followUp.kind", equalTo("SUPPLEMENTARY"))
                .body("figures.followUp.items", equalTo(List.of(c.get(1), c.get(2)))) // one seat open: two candidates
                .body("figures.followUpRules.candidates", equalTo("BEST_PLACED"))
                .extract().path("figures.followUp.ballotId");
        t.as().get("/api/v1/ballots/" + second).then().statusCode(200).body("seats", equalTo(1))
                .body("items.id", equalTo(List.of(c.get(1), c.get(2)))).body("threshold.fraction", equalTo("1/3"))
                .body("threshold.base", equalTo("BALLOTS_CAST")).body("threshold.inclusive", equalTo(true))
                .body("followUp.candidates", equalTo("BEST_PLACED"));
        t.as().post("/api/v1/ballots/" + second + "/open").then().statusCode(200);
        // c1 2 of 6 ballots cast = exactly a third: enough; c2 1
        for (int i = 0; i < 6; i++) {
            Api.cast(hall.deputy(i), second, Api.ticks(i < 2 ? List.of(c.get(1)) : i == 2 ? List.of(c.get(2)) : List.of())).then()
                    .statusCode(201);
        }
        t.as().post("/api/v1/ballots/" + second + "/close").then().statusCode(200).body("figures.thresholdBase", equalTo(6))
                .body("figures.selected", equalTo(List.of(c.get(1)))).body("figures.items[1].outcome", equalTo("REJECTED"));
    }
}
