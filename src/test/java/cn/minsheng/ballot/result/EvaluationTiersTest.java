package cn.minsheng.ballot.result;

import static org.hamcrest.Matchers.equalTo;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.minsheng.ballot.support.Api;
import cn.minsheng.ballot.support.Api.Hall;
import io.quarkus.test.junit.QuarkusTest;

/** Each evaluation tier at exactly half, under the default 镇海区 rule and under tiers of its own. */
@QuarkusTest
class EvaluationTiersTest {

    @Test
    void eachTierAtExactlyHalfOfAllMembers() {
        Hall hall = Api.hall(6, 6);
        var t = hall.tenant();
        List<String> p = Api.candidates15(t, Api.openWindow(t, 2027)).subList(0, 3);
        String ballot = t.as().body(Map.of("title", "满意度测评", "kind", "EVALUATION", "itemIds", p))
                .post("/api/v1/sessions/" + hall.sessionId() + "/ballots").then().statusCode(201)
                .body("evaluationTiers.satisfied.fraction", equalTo("1/2")).body("evaluationTiers.satisfied.base", equalTo("ALL_SEATED"))
                .body("evaluationTiers.satisfied.inclusive", equalTo(true))
                .body("evaluationTiers.basicallySatisfied.inclusive", equalTo(false)).extract().path("id");
        t.as().post("/api/v1/ballots/" + ballot + "/open").then().statusCode(200);
        // p0: 3 satisfied of 6 members = half: SATISFIED. p1: 2 + 1 = half: UNSATISFIED. p2: 2 + 2 > half: BASICALLY_SATISFIED
        String[][] votes = { { "SATISFIED", "SATISFIED", "SATISFIED" }, { "SATISFIED", "SATISFIED", "SATISFIED" },
                { "SATISFIED", "BASICALLY_SATISFIED", "BASICALLY_SATISFIED" }, { "UNSATISFIED", "UNSATISFIED", "BASICALLY_SATISFIED" },
                { "UNSATISFIED", "UNSATISFIED", "UNSATISFIED" }, { "UNSATISFIED", "UNSATISFIED", "UNSATISFIED" } };
        for (int i = 0; i < 6; i++) {
            Api.cast(hall.deputy(i), ballot, Map.of(p.get(0), votes[i][0], p.get(1), votes[i][1], p.get(2), votes[i][2])).then()
                    .statusCode(201);
        }
        t.as().post("/api/v1/ballots/" + ballot + "/close").then().statusCode(200)
                .body("figures.items[0].outcome", equalTo("SATISFIED")).body("figures.items[0].satisfactionRate", equalTo("3/6"))
                .body("figures.items[0].satisfactionPercent", equalTo("50"))
                .body("figures.items[1].outcome", equalTo("UNSATISFIED")).body("figures.items[1].satisfactionRate", equalTo("3/6"))
                .body("figures.items[2].outcome", equalTo("BASICALLY_SATISFIED"))
                .body("figures.items[2].satisfactionRate", equalTo("4/6")).body("figures.items[2].satisfactionPercent", equalTo("66.67"))
                .body("figures.evaluationTiers.satisfied.inclusive", equalTo(true));
    }

    @Test
    void tiersOfTheirOwn() {
        Hall hall = Api.hall(6, 6);
        var t = hall.tenant();
        List<String> p = Api.candidates15(t, Api.openWindow(t, 2027)).subList(0, 2);
        // satisfied: two thirds of valid ballots or more; basically: more than half of valid ballots
        String ballot = t.as().body(Map.of("title", "满意度测评", "kind", "EVALUATION", "itemIds", p, "evaluationTiers",
                Map.of("satisfied", Map.of("fraction", "2/3", "base", "VALID_BALLOTS", "inclusive", true),
                        "basicallySatisfied", Map.of("fraction", "1/2", "base", "VALID_BALLOTS"))))
                .post("/api/v1/sessions/" + hall.sessionId() + "/ballots").then().statusCode(201).extract().path("id");
        t.as().body(Map.of("title", "x", "kind", "SELECTION", "seats", 1, "itemIds", p, "evaluationTiers",
                Map.of("satisfied", Map.of("fraction", "2/3"), "basicallySatisfied", Map.of("fraction", "1/2"))))
                .post("/api/v1/sessions/" + hall.sessionId() + "/ballots").then().statusCode(400).body("code", equalTo("RULES_INVALID"));
        t.as().post("/api/v1/ballots/" + ballot + "/open").then().statusCode(200);
        // p0: 4 of 6 valid = 2/3: SATISFIED. p1: 3 satisfied (< 2/3), 3 + 0 = half, not more: UNSATISFIED
        String[][] votes = { { "SATISFIED", "SATISFIED" }, { "SATISFIED", "SATISFIED" }, { "SATISFIED", "SATISFIED" },
                { "SATISFIED", "UNSATISFIED" }, { "UNSATISFIED", "UNSATISFIED" }, { "ABSTAIN", "ABSTAIN" } };
        for (int i = 0; i < 6; i++) {
            Api.cast(hall.deputy(i), ballot, Map.of(p.get(0), votes[i][0], p.get(1), votes[i][1])).then().statusCode(201);
        }
        t.as().post("/api/v1/ballots/" + ballot + "/close").then().statusCode(200)
                .body("figures.items[0].outcome", equalTo("SATISFIED")).body("figures.items[1].outcome", equalTo("UNSATISFIED"));
    }
}
