package cn.minsheng.ballot.account;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.hasKey;

import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.minsheng.ballot.support.Api;
import cn.minsheng.ballot.support.Api.Tenant;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class AccountTest {

    @Test
    void accountsNeverShowTheirPasswordHash() {
        Tenant t = Api.tenant();
        t.as().get("/api/v1/congresses/" + t.congressId() + "/accounts").then().statusCode(200)
                .body("items", everyItem(not(hasKey("passwordHash")))).body("items[0].role", equalTo("secretariat"));
    }

    @Test
    void usernamesAreUniqueWithinACongressButNotAcross() {
        Tenant a = Api.tenant();
        Tenant b = Api.tenant();
        Map<String, Object> body = Map.of("username", "Clerk", "password", Api.PASSWORD, "role", "department");
        a.as().body(body).post("/api/v1/congresses/" + a.congressId() + "/accounts").then().statusCode(201);
        a.as().body(Map.of("username", "clerk", "password", Api.PASSWORD, "role", "scrutineer"))
                .post("/api/v1/congresses/" + a.congressId() + "/accounts").then().statusCode(409)
                .body("code", equalTo("USERNAME_TAKEN"));
        b.as().body(body).post("/api/v1/congresses/" + b.congressId() + "/accounts").then().statusCode(201);
    }

    @Test
    void nobodyCreatesAnAdminInsideACongress() {
        Tenant t = Api.tenant();
        Api.as(Api.admin()).body(Map.of("username", "root2", "password", Api.PASSWORD, "role", "admin"))
                .post("/api/v1/congresses/" + t.congressId() + "/accounts").then().statusCode(400)
                .body("code", equalTo("ROLE_NOT_ALLOWED"));
    }

    @Test
    void aDeputyAccountNeedsADeputyOfTheSameCongress() {
        Tenant t = Api.tenant();
        Tenant other = Api.tenant();
        String c = "/api/v1/congresses/" + t.congressId() + "/accounts";
        t.as().body(Map.of("username", "dep1", "password", Api.PASSWORD, "role", "deputy")).post(c).then().statusCode(400)
                .body("code", equalTo("DEPUTY_REQUIRED"));
        String foreignDeputy = Api.deputy(other, "外地代表");
        t.as().body(Map.of("username", "dep1", "password", Api.PASSWORD, "role", "deputy", "deputyId", foreignDeputy))
                .post(c).then().statusCode(400).body("code", equalTo("DEPUTY_REQUIRED"));
        String deputy = Api.deputy(t, "本地代表");
        t.as().body(Map.of("username", "dep1", "password", Api.PASSWORD, "role", "deputy", "deputyId", deputy))
                .post(c).then().statusCode(201).body("deputyId", equalTo(deputy));
        t.as().body(Map.of("username", "dep2", "password", Api.PASSWORD, "role", "deputy", "deputyId", deputy))
                .post(c).then().statusCode(409).body("code", equalTo("DEPUTY_HAS_ACCOUNT"));
        // the same deputy may also serve as a scrutineer, with a second account
        t.as().body(Map.of("username", "scr1", "password", Api.PASSWORD, "role", "scrutineer", "deputyId", deputy))
                .post(c).then().statusCode(201);
    }

    @Test
    void listsFilterByRoleAndEnabled() {
        Tenant t = Api.tenant();
        Api.account(t, "department");
        Api.account(t, "department");
        String c = "/api/v1/congresses/" + t.congressId() + "/accounts";
        t.as().get(c + "?role=department").then().statusCode(200).body("total", equalTo(2))
                .body("items.role", everyItem(equalTo("department")));
        t.as().get(c + "?enabled=false").then().statusCode(200).body("total", equalTo(0));
    }

    @Test
    void anAccountOfAnotherCongressIsNotFound() {
        Tenant t = Api.tenant();
        Tenant other = Api.tenant();
        String foreignAccount = other.as().get("/api/v1/congresses/" + other.congressId() + "/accounts").path("items[0].id");
        t.as().get("/api/v1/congresses/" + t.congressId() + "/accounts/" + foreignAccount).then().statusCode(404);
        t.as().body(Map.of("enabled", false)).patch("/api/v1/congresses/" + t.congressId() + "/accounts/" + foreignAccount)
                .then().statusCode(404);
        Api.as(other.secretariat()).get("/api/v1/me").then().statusCode(200);
    }
}
