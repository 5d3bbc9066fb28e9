package cn.minsheng.ballot.session;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.minsheng.ballot.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** 应到 is every deputy in office: leave lowers only 实到; suspended deputies are shown apart; neither they nor terminated ones vote. */
@QuarkusTest
class InOfficeTest {

    private static io.restassured.response.Response login(Api.Tenant t, String username, String password) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", "198.51.100.7")
                .body(Map.of("congressCode", t.code(), "username", username, "password", password)).post("/api/v1/auth/login");
    }

    @Test
    void deputiesOnLeaveStaySeatedSuspendedAreApartAndNeitherSuspendedNorTerminatedVote() {
        Api.Tenant t = Api.tenant();
        // 10 on the roster: 7 in office (one of them still marked 请假 as old rosters do), 1 suspended, 2 terminated... then 8 in office
        String csv = "编号,姓名,代表团,选区,状态\n" + "L01,代表一,一团,一区,在册\nL02,代表二,一团,一区,在册\nL03,代表三,一团,一区,在册\n"
                + "L04,代表四,一团,一区,在册\nL05,代表五,一团,一区,在册\nL06,代表六,一团,一区,在册\nL07,代表七,一团,一区,请假\n"
                + "L08,代表八,一团,一区,在册\nL09,代表九,一团,一区,暂停执行代表职务\nL10,代表十,一团,一区,终止\n";
        var imported = Api.upload(t.secretariat(), "/api/v1/congresses/" + t.congressId() + "/deputies/import?createLogins=true",
                csv.getBytes(StandardCharsets.UTF_8), "text/csv");
        imported.then().statusCode(201);
        List<String> users = imported.path("logins.username");
        List<String> passwords = imported.path("logins.initialPassword");
        login(t, users.get(8), passwords.get(8)).then().statusCode(403).body("code", equalTo("DEPUTY_NOT_IN_OFFICE"));
        login(t, users.get(9), passwords.get(9)).then().statusCode(403).body("code", equalTo("DEPUTY_NOT_IN_OFFICE"));

        String session = t.as().body(Map.of("name", "第十八届人民代表大会第四次会议", "kind", "PLENARY", "startsOn", "2028-01-10",
                "endsOn", "2028-01-13")).post("/api/v1/congresses/" + t.congressId() + "/sessions").then().statusCode(201)
                .extract().path("id");
        t.as().post("/api/v1/sessions/" + session + "/open").then().statusCode(200);
        String attendance = "/api/v1/sessions/" + session + "/attendance";
        String[] tokens = new String[8];
        String[] ids = new String[8];
        for (int i = 0; i < 8; i++) {
            tokens[i] = login(t, users.get(i), passwords.get(i)).then().statusCode(200).extract().path("accessToken");
            ids[i] = Api.as(tokens[i]).get("/api/v1/me").path("deputyId");
        }
        for (int i = 0; i < 5; i++) {
            Api.as(tokens[i]).body("{}").post(attendance).then().statusCode(200);
        }
        t.as().body(Map.of("deputyId", ids[6], "state", "ON_LEAVE")).post(attendance).then().statusCode(200);
        t.as().body(Map.of("deputyId", ids[7], "state", "ON_LEAVE")).post(attendance).then().statusCode(200);
        // 应到 8 (on leave included, the suspended one shown apart, the terminated one out); 2/3 of 8 needs 6 present
        t.as().get(attendance).then().statusCode(200).body("seated", equalTo(8)).body("present", equalTo(5))
                .body("onLeave", equalTo(2)).body("suspended", equalTo(1)).body("absent", equalTo(1))
                .body("quorum.required", equalTo(6)).body("quorum.met", equalTo(false));
        var c = Api.candidates15(t, Api.openWindow(t, 2028)).subList(0, 3);
        String ballot = t.as().body(Map.of("title", "票决", "kind", "SELECTION", "seats", 1, "minSurplus", 1, "itemIds", c))
                .post("/api/v1/sessions/" + session + "/ballots").then().statusCode(201).extract().path("id");
        t.as().post("/api/v1/ballots/" + ballot + "/open").then().statusCode(409).body("code", equalTo("QUORUM_NOT_MET"));
        Api.as(tokens[5]).body("{}").post(attendance).then().statusCode(200);
        t.as().post("/api/v1/ballots/" + ballot + "/open").then().statusCode(200);

        // deputy 0 is suspended mid-session: their token stops working and they cannot log in again
        t.as().body(Map.of("status", "SUSPENDED")).patch("/api/v1/congresses/" + t.congressId() + "/deputies/" + ids[0]).then()
                .statusCode(200);
        Api.cast(tokens[0], ballot, Api.ticks(c.subList(0, 1))).then().statusCode(401);
        login(t, users.get(0), passwords.get(0)).then().statusCode(403).body("code", equalTo("DEPUTY_NOT_IN_OFFICE"));
        for (int i = 1; i < 6; i++) {
            Api.cast(tokens[i], ballot, Api.ticks(c.subList(0, 1))).then().statusCode(201);
        }
        // 5 FOR of 8 seated: more than half of all deputies (全体代表过半数), on leave included
        t.as().post("/api/v1/ballots/" + ballot + "/close").then().statusCode(200).body("figures.seated", equalTo(8))
                .body("figures.thresholdBase", equalTo(8)).body("figures.returned", equalTo(5))
                .body("figures.items[0].outcome", equalTo("SELECTED"));
    }
}
