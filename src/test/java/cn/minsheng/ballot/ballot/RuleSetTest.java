package cn.minsheng.ballot.ballot;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.nullValue;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.minsheng.ballot.support.Api;
import cn.minsheng.ballot.support.Api.Hall;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Rule sets (票决办法): kept by the secretariat, adopted by a MOTION ballot's passed and published
 * result, then copied into the ballots created from them; the public reads the text with each result.
 */
@QuarkusTest
class RuleSetTest {

    static final String TEXT = "第一条 民生实事项目票决以出席代表过半数通过。第二条 每张选票应选满两项，多选或少选的选票无效。";

    static Map<String, Object> rules() {
        return Map.of("secrecy", "SECRET", "maxMarks", 2, "minMarks", 2, "minSurplus", 1, "tiePolicy", "LOT",
                "threshold", Map.of("fraction", "1/2", "base", "PRESENT", "inclusive", false),
                "followUp", Map.of("candidates", "BEST_PLACED", "surplus", "1/5"));
    }

    @Test
    void aSetAdoptedByAMotionGivesItsRulesToBallotsAndItsTextToTheirResults() {
        Hall hall = Api.hall(6, 6);
        var t = hall.tenant();
        String c = "/api/v1/congresses/" + t.congressId();
        String set = t.as().body(Map.of("name", "民生实事项目票决办法", "kind", "SELECTION", "text", TEXT, "rules", rules()))
                .post(c + "/rule-sets").then().statusCode(201).body("status", equalTo("DRAFT"))
                .body("rules.threshold.base", equalTo("PRESENT")).body("rules.minMarks", equalTo(2)).extract().path("id");
        t.as().get(c + "/rule-sets").then().statusCode(200).body("name", hasItem("民生实事项目票决办法"));
        t.as().get("/api/v1/rule-sets/" + set).then().statusCode(200).body("text", equalTo(TEXT))
                .body("rules.followUp.candidates", equalTo("BEST_PLACED"));
        t.as().body(Map.of("name", "民生实事项目票决办法", "kind", "SELECTION", "text", TEXT, "rules", Map.of()))
                .post(c + "/rule-sets").then().statusCode(409).body("code", equalTo("RULE_SET_NAME_TAKEN"))
                .body("detail", containsString("民生实事项目票决办法"));
        // a draft is not yet the congress's rule: no ballot is made from it, the public does not read it
        List<String> items = Api.candidates15(t, Api.openWindow(t, 2027)).subList(0, 3);
        Map<String, Object> fromSet = new HashMap<>(Map.of("title", "二〇二七年民生实事项目", "kind", "SELECTION", "seats", 2,
                "itemIds", items, "ruleSetId", set));
        t.as().body(fromSet).post("/api/v1/sessions/" + hall.sessionId() + "/ballots").then().statusCode(409)
                .body("code", equalTo("RULE_SET_NOT_ADOPTED")).body("detail", containsString("尚未经议案表决通过"));
        given().get("/api/v1/public/congresses/" + t.code() + "/rule-sets/" + set).then().statusCode(404);

        // the motion adopts it; while it is voted on the set cannot change
        String motion = Api.openBallot(hall, Map.of("title", "关于通过民生实事项目票决办法的决定", "kind", "MOTION",
                "motion", "通过《民生实事项目票决办法》", "adoptsRuleSetId", set));
        t.as().body(Map.of("name", "民生实事项目票决办法", "kind", "SELECTION", "text", TEXT + "第三条", "rules", rules()))
                .put("/api/v1/rule-sets/" + set).then().statusCode(409).body("code", equalTo("RULE_SET_UNDER_VOTE"));
        String item = t.as().get("/api/v1/ballots/" + motion).then().body("adoptsRuleSetId", equalTo(set)).extract().path("items[0].id");
        for (int i = 0; i < 6; i++) {
            Api.cast(hall.deputy(i), motion, Map.of(item, i < 4 ? "FOR" : "AGAINST")).then().statusCode(201);
        }
        Api.closeAndPublish(hall, motion);
        t.as().get("/api/v1/rule-sets/" + set).then().body("status", equalTo("ADOPTED")).body("adoptedByBallotId", equalTo(motion));
        given().get("/api/v1/ballots/" + motion + "/result").then().body("adoptsRuleSet.status", equalTo("ADOPTED"))
                .body("adoptsRuleSet.name", equalTo("民生实事项目票决办法"));
        given().get("/api/v1/public/congresses/" + t.code() + "/rule-sets/" + set).then().statusCode(200)
                .body("name", equalTo("民生实事项目票决办法")).body("text", equalTo(TEXT)).body("adoptedByBallotId", equalTo(motion));
        t.as().body(Map.of("name", "民生实事项目票决办法", "kind", "SELECTION", "text", TEXT + "第三条", "rules", rules()))
                .put("/api/v1/rule-sets/" + set).then().statusCode(409).body("code", equalTo("RULE_SET_ADOPTED"));

        // a ballot from the set: its rules copied, the set recorded
        String ballot = t.as().body(fromSet).post("/api/v1/sessions/" + hall.sessionId() + "/ballots").then().statusCode(201)
                .body("ruleSetId", equalTo(set)).body("threshold.base", equalTo("PRESENT")).body("threshold.fraction", equalTo("1/2"))
                .body("minMarks", equalTo(2)).body("maxMarks", equalTo(2)).body("tiePolicy", equalTo("LOT"))
                .body("minSurplus", equalTo(1)).body("followUp.candidates", equalTo("BEST_PLACED"))
                .body("followUp.surplus", equalTo("1/5")).extract().path("id");
        // a rule given otherwise than the set says, and a set for another kind of ballot, are refused
        Map<String, Object> otherwise = new HashMap<>(fromSet);
        otherwise.put("threshold", Map.of("fraction", "2/3"));
        t.as().body(otherwise).post("/api/v1/sessions/" + hall.sessionId() + "/ballots").then().statusCode(400)
                .body("code", equalTo("RULE_SET_CONFLICT")).body("detail", containsString("通过条件以办法为准"));
        Map<String, Object> same = new HashMap<>(fromSet);
        same.put("tiePolicy", "LOT"); // the same rule as the set's is no conflict
        t.as().body(same).post("/api/v1/sessions/" + hall.sessionId() + "/ballots").then().statusCode(201);
        t.as().body(Map.of("title", "测评", "kind", "EVALUATION", "itemIds", items, "ruleSetId", set))
                .post("/api/v1/sessions/" + hall.sessionId() + "/ballots").then().statusCode(400).body("code", equalTo("RULE_SET_KIND"));

        t.as().post("/api/v1/ballots/" + ballot + "/open").then().statusCode(200);
        for (int i = 0; i < 6; i++) {
            Api.cast(hall.deputy(i), ballot, Api.ticks(i < 4 ? items.subList(0, 2) : items.subList(1, 3))).then().statusCode(201);
        }
        Api.closeAndPublish(hall, ballot);
        given().get("/api/v1/ballots/" + ballot + "/result").then().statusCode(200).body("ruleSet.name", equalTo("民生实事项目票决办法"))
                .body("ruleSet.text", equalTo(TEXT)).body("adoptsRuleSet", nullValue());
        given().get("/api/v1/public/congresses/" + t.code() + "/results").then().statusCode(200)
                .body("find { it.figures.ballotId == '" + ballot + "' }.ruleSet.text", equalTo(TEXT));
    }

    @Test
    void refusals() {
        Hall hall = Api.hall(3, 3);
        var t = hall.tenant();
        var other = Api.tenant();
        String c = "/api/v1/congresses/" + t.congressId();
        // evaluation tiers belong to an evaluation
        t.as().body(Map.of("name", "错误办法", "kind", "SELECTION", "text", "文本", "rules",
                Map.of("evaluationTiers", Map.of("satisfied", Map.of("fraction", "1/2"), "basicallySatisfied", Map.of("fraction", "1/2")))))
                .post(c + "/rule-sets").then().statusCode(400).body("code", equalTo("RULES_INVALID"));
        t.as().body(Map.of("name", "无文本", "kind", "SELECTION", "text", " ", "rules", Map.of())).post(c + "/rule-sets").then()
                .statusCode(400);
        String mine = t.as().body(Map.of("name", "本会办法", "kind", "MOTION", "text", "文本", "rules", Map.of()))
                .post(c + "/rule-sets").then().statusCode(201).extract().path("id");
        String theirs = other.as().body(Map.of("name", "他会办法", "kind", "MOTION", "text", "文本", "rules", Map.of()))
                .post("/api/v1/congresses/" + other.congressId() + "/rule-sets").then().statusCode(201).extract().path("id");
        // another congress's set: not found for its secretariat, unknown for a ballot here
        other.as().get("/api/v1/rule-sets/" + mine).then().statusCode(404);
        other.as().get(c + "/rule-sets").then().statusCode(404);
        Api.as(hall.deputy(0)).get(c + "/rule-sets").then().statusCode(403);
        String ballots = "/api/v1/sessions/" + hall.sessionId() + "/ballots";
        t.as().body(Map.of("title", "议案", "kind", "MOTION", "motion", "通过", "ruleSetId", theirs)).post(ballots).then()
                .statusCode(400).body("code", equalTo("RULE_SET_UNKNOWN")).body("detail", equalTo("本届人大没有这个票决办法。"));
        t.as().body(Map.of("title", "议案", "kind", "MOTION", "motion", "通过", "adoptsRuleSetId", theirs)).post(ballots).then()
                .statusCode(400).body("code", equalTo("RULE_SET_UNKNOWN"));
        // only a motion adopts a set
        List<String> items = Api.candidates15(t, Api.openWindow(t, 2027)).subList(0, 2);
        t.as().body(Map.of("title", "项目", "kind", "SELECTION", "seats", 1, "itemIds", items, "adoptsRuleSetId", mine)).post(ballots)
                .then().statusCode(400).body("code", equalTo("RULE_SET_ADOPTED_BY_MOTION"));
        // a motion that fails leaves the set a draft, free to change again
        String motion = Api.openBallot(hall, Map.of("title", "通过办法", "kind", "MOTION", "motion", "通过本会办法", "adoptsRuleSetId", mine));
        String item = t.as().get("/api/v1/ballots/" + motion).path("items[0].id");
        for (int i = 0; i < 3; i++) {
            Api.cast(hall.deputy(i), motion, Map.of(item, i == 0 ? "FOR" : "AGAINST")).then().statusCode(201);
        }
        Api.closeAndPublish(hall, motion);
        t.as().get("/api/v1/rule-sets/" + mine).then().body("status", equalTo("DRAFT")).body("adoptedByBallotId", nullValue());
        t.as().body(Map.of("name", "本会办法（修改稿）", "kind", "MOTION", "text", "修改后的文本", "rules", Map.of()))
                .put("/api/v1/rule-sets/" + mine).then().statusCode(200).body("name", equalTo("本会办法（修改稿）"));
    }
}
