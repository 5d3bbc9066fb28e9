package cn.minsheng.ballot.congress;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;

import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.minsheng.ballot.support.Api;
import cn.minsheng.ballot.support.Api.Tenant;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class DeputyTest {

    @Test
    void createWithLoginThenTheDeputyReadsTheirOwnEntry() {
        Tenant t = Api.tenant();
        String c = "/api/v1/congresses/" + t.congressId() + "/deputies";
        String id = t.as().body(Map.of("code", "D9001", "name", "陈红梅", "delegation", "西关街道代表团", "district", "第7选区",
                "username", "chenhm", "password", Api.PASSWORD)).post(c).then().statusCode(201)
                .body("status", equalTo("SEATED")).body("statusLabel", equalTo("在册")).extract().path("id");
        String token = Api.login(t.code(), "chenhm", Api.PASSWORD);
        Api.as(token).get(c + "/" + id).then().statusCode(200).body("name", equalTo("陈红梅")).body("code", equalTo("D9001"));
    }

    @Test
    void usernameAndPasswordComeTogether() {
        Tenant t = Api.tenant();
        t.as().body(Map.of("name", "某某", "username", "onlyname")).post("/api/v1/congresses/" + t.congressId() + "/deputies")
                .then().statusCode(400).body("code", equalTo("VALIDATION_FAILED")).body("errors[0].field", equalTo("password"));
        t.as().get("/api/v1/congresses/" + t.congressId() + "/deputies").then().body("total", equalTo(0));
    }

    @Test
    void aDeputyWithoutCodeGetsOne() {
        Tenant t = Api.tenant();
        t.as().body(Map.of("name", "无编号")).post("/api/v1/congresses/" + t.congressId() + "/deputies").then().statusCode(201)
                .body("code", matchesPattern("D[0-9A-F]{8}"));
    }

    @Test
    void codesAreUniqueWithinTheCongress() {
        Tenant t = Api.tenant();
        String c = "/api/v1/congresses/" + t.congressId() + "/deputies";
        t.as().body(Map.of("code", "D1", "name", "甲")).post(c).then().statusCode(201);
        t.as().body(Map.of("code", "D1", "name", "乙")).post(c).then().statusCode(409).body("code", equalTo("DEPUTY_CODE_TAKEN"));
    }

    @Test
    void statusChangesAndFilters() {
        Tenant t = Api.tenant();
        String c = "/api/v1/congresses/" + t.congressId() + "/deputies";
        String a = t.as().body(Map.of("code", "A", "name", "张伟", "delegation", "一团", "district", "一区")).post(c).path("id");
        t.as().body(Map.of("code", "B", "name", "李娜", "delegation", "二团", "district", "二区")).post(c).then().statusCode(201);
        t.as().body(Map.of("status", "SUSPENDED")).patch(c + "/" + a).then().statusCode(200).body("status", equalTo("SUSPENDED"))
                .body("statusLabel", equalTo("暂停执行代表职务"));
        t.as().get(c + "?status=SUSPENDED").then().body("total", equalTo(1)).body("items[0].id", equalTo(a));
        t.as().get(c + "?delegation=二团").then().body("total", equalTo(1)).body("items[0].name", equalTo("李娜"));
        t.as().get(c + "?district=一区").then().body("total", equalTo(1));
        t.as().get(c + "?q=李").then().body("total", equalTo(1));
        t.as().body(Map.of("status", "TERMINATED")).patch(c + "/" + a).then().statusCode(200);
        t.as().get(c + "?status=SEATED").then().body("total", equalTo(1));
    }

    @Test
    void anotherCongressesDeputyIsNotFound() {
        Tenant t = Api.tenant();
        Tenant other = Api.tenant();
        String foreign = Api.deputy(other, "外地代表");
        t.as().get("/api/v1/congresses/" + t.congressId() + "/deputies/" + foreign).then().statusCode(404);
        t.as().body(Map.of("status", "TERMINATED")).patch("/api/v1/congresses/" + t.congressId() + "/deputies/" + foreign)
                .then().statusCode(404);
        other.as().get("/api/v1/congresses/" + other.congressId() + "/deputies/" + foreign).then().body("status", equalTo("SEATED"));
    }
}
