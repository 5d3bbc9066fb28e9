package cn.minsheng.ballot.slate;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.minsheng.ballot.support.Api;
import cn.minsheng.ballot.support.Api.Tenant;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class SlateTest {

    private static Map<String, Object> slate(List<String> candidates, int seats, int surplus) {
        return Map.of("title", "2027年民生实事候选项目", "year", 2027, "seats", seats, "minSurplus", surplus,
                "candidateIds", candidates);
    }

    @Test
    void theSurplusRuleAtItsBoundary() {
        Tenant t = Api.tenant();
        List<String> ids = Api.candidates15(t, Api.openWindow(t, 2027));
        String path = "/api/v1/congresses/" + t.congressId() + "/slates";
        // 10 seats + minimum surplus 2: 11 candidates are one short, 12 are enough
        t.as().body(slate(ids.subList(0, 11), 10, 2)).post(path).then().statusCode(422).contentType("application/problem+json")
                .body("code", equalTo("SURPLUS_RULE_BROKEN"))
                .body("detail", equalTo("不符合差额要求：候选项目 11 个，应选 10 个，至少差额 2 个，候选项目应不少于 12 个。"));
        t.as().body(slate(ids.subList(0, 12), 10, 2)).post(path).then().statusCode(201).body("candidates", hasSize(12))
                .body("status", equalTo("DRAFT")).body("candidates[0].title", equalTo("城区老旧小区改造"));
        t.as().get(path).then().body("", hasSize(1));
    }

    @Test
    void reviewThenPublishThenTheSlateIsLocked() {
        Tenant t = Api.tenant();
        List<String> ids = Api.candidates15(t, Api.openWindow(t, 2027));
        String id = t.as().body(slate(ids, 12, 3)).post("/api/v1/congresses/" + t.congressId() + "/slates").path("id");
        String s = "/api/v1/slates/" + id;
        t.as().post(s + "/publish").then().statusCode(409).body("code", equalTo("SLATE_NOT_REVIEWED"));
        Map<String, Object> review = Map.of("body", "县人大常委会第二十次会议", "date", "2026-12-20", "reference", "青人常〔2026〕45号");
        t.as().body(review).post(s + "/review").then().statusCode(200).body("status", equalTo("REVIEWED"))
                .body("review.reference", equalTo("青人常〔2026〕45号"));
        // recomposing after review sends it back for review
        t.as().body(slate(ids.subList(0, 14), 11, 3)).put(s).then().statusCode(200).body("status", equalTo("DRAFT"))
                .body("review", equalTo(null)).body("candidates", hasSize(14));
        t.as().body(review).post(s + "/review").then().statusCode(200);
        t.as().body(review).post(s + "/review").then().statusCode(409).body("code", equalTo("SLATE_ALREADY_REVIEWED"));
        given().get("/api/v1/public/congresses/" + t.code() + "/slates").then().body("", hasSize(0));
        t.as().post(s + "/publish").then().statusCode(200).body("status", equalTo("PUBLISHED"));
        given().get("/api/v1/public/congresses/" + t.code() + "/slates").then().statusCode(200).body("", hasSize(1))
                .body("[0].candidates", hasSize(14)).body("[0].seats", equalTo(11));
        t.as().body(slate(ids, 12, 3)).put(s).then().statusCode(409).body("code", equalTo("SLATE_LOCKED"));
    }

    @Test
    void onlyThisCongressesCandidatesOnceEach() {
        Tenant t = Api.tenant();
        Tenant other = Api.tenant();
        List<String> ids = Api.candidates15(t, Api.openWindow(t, 2027));
        String foreign = Api.candidate(other, Api.openWindow(other, 2027), "外县项目", "外县局", 100, "OTHER", 1);
        String path = "/api/v1/congresses/" + t.congressId() + "/slates";
        List<String> withForeign = new java.util.ArrayList<>(ids);
        withForeign.set(0, foreign);
        t.as().body(slate(withForeign, 10, 2)).post(path).then().statusCode(400).body("code", equalTo("UNKNOWN_CANDIDATE"));
        List<String> twice = new java.util.ArrayList<>(ids);
        twice.set(0, ids.get(1));
        t.as().body(slate(twice, 10, 2)).post(path).then().statusCode(400).body("code", equalTo("DUPLICATE_CANDIDATE"));
        t.as().body(Map.of("title", "x", "year", 2027, "seats", 0, "minSurplus", 0, "candidateIds", ids)).post(path).then()
                .statusCode(400).body("errors[0].field", equalTo("seats"));
        t.as().get(path).then().body("", hasSize(0));
    }
}
