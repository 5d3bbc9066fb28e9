package cn.minsheng.ballot.audit;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.containsString;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.minsheng.ballot.support.Api;
import cn.minsheng.ballot.support.Api.Tenant;
import io.quarkus.test.junit.QuarkusTest;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

@QuarkusTest
class AuditLogTest {

    @Test
    void stateChangesAreChainedAndVerify() {
        Tenant t = Api.tenant();
        String c = "/api/v1/congresses/" + t.congressId();
        String deputy = Api.deputy(t, "审计代表");
        t.as().body(Map.of("status", "SUSPENDED")).patch(c + "/deputies/" + deputy).then().statusCode(200);
        t.as().get(c + "/audit").then().statusCode(200)
                .body("items.action", hasItems("account.created", "deputy.created", "deputy.updated"))
                .body("items[0].prevHash", equalTo("0".repeat(64)))
                .body("items[1].prevHash", equalTo(t.as().get(c + "/audit").path("items[0].hash")))
                .body("items.details", not(hasItems(containsString("password"))));
        t.as().get(c + "/audit/verify").then().statusCode(200).body("valid", equalTo(true)).body("entries", equalTo(3));
    }

    @Test
    void theApplicationRoleCannotRewriteTheLogButATamperIsFound() throws SQLException {
        Tenant t = Api.tenant();
        String c = "/api/v1/congresses/" + t.congressId();
        Api.deputy(t, "甲");
        Api.deputy(t, "乙");
        String url = Api.config("quarkus.datasource.jdbc.url");
        try (Connection app = DriverManager.getConnection(url, "minsheng_app", "minsheng_app")) {
            SQLException denied = assertThrows(SQLException.class, () -> app.createStatement()
                    .executeUpdate("UPDATE audit_entry SET actor = 'x' WHERE chain_id = '" + t.congressId() + "'"));
            assertTrue(denied.getMessage().contains("permission denied"), denied.getMessage());
            assertThrows(SQLException.class, () -> app.createStatement()
                    .executeUpdate("DELETE FROM audit_entry WHERE chain_id = '" + t.congressId() + "'"));
        }
        try (Connection owner = DriverManager.getConnection(url, "minsheng_owner", "minsheng_owner")) {
            owner.createStatement().executeUpdate("UPDATE audit_entry SET details = '{\"name\":\"forged\"}' WHERE chain_id = '"
                    + t.congressId() + "' AND seq = 2");
        }
        t.as().get(c + "/audit/verify").then().statusCode(200).body("valid", equalTo(false)).body("firstBrokenAt", equalTo(2));
    }

    /** Runs SQL as the schema owner, the way an intruder with database access would. */
    private static void asOwner(String... statements) throws SQLException {
        try (Connection owner = DriverManager.getConnection(Api.config("quarkus.datasource.jdbc.url"), "minsheng_owner",
                "minsheng_owner")) {
            for (String sql : statements) {
                owner.createStatement().executeUpdate(sql);
            }
        }
    }

    private static Tenant tenantWithFourEntries() {
        Tenant t = Api.tenant();
        Api.deputy(t, "甲");
        Api.deputy(t, "乙");
        Api.deputy(t, "丙");
        return t;
    }

    @Test
    void aDeletedEntryIsFound() throws SQLException {
        Tenant t = tenantWithFourEntries();
        asOwner("DELETE FROM audit_entry WHERE chain_id = '" + t.congressId() + "' AND seq = 3");
        t.as().get("/api/v1/congresses/" + t.congressId() + "/audit/verify").then().body("valid", equalTo(false))
                .body("firstBrokenAt", equalTo(3));
    }

    @Test
    void reorderedEntriesAreFound() throws SQLException {
        Tenant t = tenantWithFourEntries();
        String chain = "chain_id = '" + t.congressId() + "'";
        asOwner("UPDATE audit_entry SET seq = -1 WHERE " + chain + " AND seq = 2",
                "UPDATE audit_entry SET seq = 2 WHERE " + chain + " AND seq = 3",
                "UPDATE audit_entry SET seq = 3 WHERE " + chain + " AND seq = -1");
        t.as().get("/api/v1/congresses/" + t.congressId() + "/audit/verify").then().body("valid", equalTo(false))
                .body("firstBrokenAt", equalTo(2));
    }

    @Test
    void aCutOffTailIsFoundByTheHead() throws SQLException {
        Tenant t = tenantWithFourEntries();
        asOwner("DELETE FROM audit_entry WHERE chain_id = '" + t.congressId() + "' AND seq = 4");
        t.as().get("/api/v1/congresses/" + t.congressId() + "/audit/verify").then().body("valid", equalTo(false))
                .body("entries", equalTo(3)).body("firstBrokenAt", equalTo(4));
    }
}
