package cn.minsheng.ballot.congress;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.startsWith;

import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.minsheng.ballot.support.Api;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class CongressTest {

    @Test
    void adminCreatesReadsRenamesAndListsCongresses() {
        String admin = Api.admin();
        String code = Api.unique("qx");
        String id = Api.as(admin).body(Map.of("code", code, "name", "青溪县人民代表大会", "level", "COUNTY"))
                .post("/api/v1/congresses").then().statusCode(201).header("Location", startsWith("http"))
                .body("code", equalTo(code)).body("levelLabel", equalTo("县（区）人民代表大会")).body("createdAt", notNullValue())
                .extract().path("id");
        Api.as(admin).get("/api/v1/congresses/" + id).then().statusCode(200).body("name", equalTo("青溪县人民代表大会"));
        // the level's label follows the language asked for, as every word the service sends
        Api.as(admin).header("Accept-Language", "en").get("/api/v1/congresses/" + id).then().statusCode(200)
                .body("levelLabel", equalTo("county (district) people's congress"));
        Api.as(admin).body(Map.of("name", "青溪区人民代表大会", "level", "CITY")).patch("/api/v1/congresses/" + id).then()
                .statusCode(200).body("name", equalTo("青溪区人民代表大会")).body("level", equalTo("CITY"));
        Api.as(admin).get("/api/v1/congresses?q=" + code).then().statusCode(200).body("total", equalTo(1))
                .body("items[0].id", equalTo(id));
        Api.as(admin).get("/api/v1/congresses?level=CITY&size=2").then().statusCode(200)
                .body("items.level", everyItem(equalTo("CITY"))).body("size", equalTo(2)).body("page", equalTo(0));
    }

    @Test
    void anyoneListsTheCongressesByNameAndCode() {
        String admin = Api.admin();
        String prefix = Api.unique("pub");
        for (String[] c : new String[][] { { "-b", "2号镇人民代表大会", "TOWNSHIP" }, { "-a", "1号县人民代表大会", "COUNTY" } }) {
            Api.as(admin).body(Map.of("code", prefix + c[0], "name", c[1] + " " + prefix, "level", c[2])).post("/api/v1/congresses")
                    .then().statusCode(201);
        }
        // no token; names, codes and levels only, paged, a fragment narrows
        io.restassured.RestAssured.given().get("/api/v1/public/congresses?q=" + prefix + "&size=1").then().statusCode(200)
                .body("total", equalTo(2)).body("items", hasSize(1)).body("items[0].code", equalTo(prefix + "-a"))
                .body("items[0].name", equalTo("1号县人民代表大会 " + prefix)).body("items[0].level", equalTo("COUNTY"))
                .body("items[0]", org.hamcrest.Matchers.not(org.hamcrest.Matchers.hasKey("id")));
        io.restassured.RestAssured.given().get("/api/v1/public/congresses?q=" + prefix + "&size=1&page=1").then().statusCode(200)
                .body("items[0].code", equalTo(prefix + "-b"));
        io.restassured.RestAssured.given().get("/api/v1/public/congresses?size=100000").then().statusCode(400);
    }

    @Test
    void aCongressCodeIsUniqueIgnoringCase() {
        String admin = Api.admin();
        String code = Api.unique("dup");
        Api.as(admin).body(Map.of("code", code, "name", "甲", "level", "TOWNSHIP")).post("/api/v1/congresses").then().statusCode(201);
        Api.as(admin).body(Map.of("code", code, "name", "乙", "level", "TOWNSHIP")).post("/api/v1/congresses").then()
                .statusCode(409).contentType("application/problem+json").body("code", equalTo("CONGRESS_CODE_TAKEN"));
    }

    @Test
    void pagingWalksTheWholeList() {
        String admin = Api.admin();
        String prefix = Api.unique("pg");
        for (int i = 0; i < 5; i++) {
            Api.as(admin).body(Map.of("code", prefix + "-" + i, "name", "分页" + i, "level", "STREET")).post("/api/v1/congresses")
                    .then().statusCode(201);
        }
        Api.as(admin).get("/api/v1/congresses?q=" + prefix + "&size=2&page=2").then().statusCode(200)
                .body("total", equalTo(5)).body("items", hasSize(1)).body("items[0].code", equalTo(prefix + "-4"));
    }
}
