package cn.minsheng.ballot.ballot;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;

/**
 * The warm-up before readiness (CastRehearsal) rehearses the cast path and leaves nothing behind: readiness
 * is DOWN until it is done, then the database (migrated afresh for this profile) holds no congress, session,
 * deputy, ballot, seat, attendance, participation or ballot content, in the clear or sealed, and no audit
 * entry — although PostgreSQL's own counters show the rehearsal did insert casts (and rolled them back).
 */
@QuarkusTest
@TestProfile(WarmUpTest.WarmUpOn.class)
class WarmUpTest {

    public static class WarmUpOn implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            return Map.of("minsheng.warmup.enabled", "true", "minsheng.warmup.casts", "300", "minsheng.warmup.sealed-verifications", "10");
        }
    }

    @Inject
    AgroalDataSource db;

    @Test
    void theRehearsalLeavesNoTrace() throws Exception {
        JsonPath warm = null;
        for (int i = 0; i < 600 && warm == null; i++) {
            var r = given().get("/q/health/ready");
            JsonPath body = r.jsonPath();
            List<Map<String, Object>> checks = body.getList("checks");
            Map<String, Object> check = checks.stream().filter(c -> "Warm-up".equals(c.get("name"))).findFirst().orElseThrow();
            Object state = ((Map<?, ?>) check.get("data")).get("state");
            if ("DONE".equals(state) || "FAILED".equals(state)) {
                warm = new JsonPath(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(check));
                assertEquals(200, r.statusCode(), "ready once warm: " + r.asString());
            } else {
                assertEquals(503, r.statusCode(), "not ready while warming up: " + r.asString());
                Thread.sleep(200);
            }
        }
        assertEquals("DONE", warm.getString("data.state"), warm.prettify());
        assertTrue(warm.getString("data.detail").contains("300 casts rehearsed"), warm.prettify());

        for (String table : List.of("congress", "session", "deputy", "ballot", "session_seat", "attendance", "participation",
                "ballot_content", "sealed_content", "sealed_alpha", "named_vote")) {
            assertEquals(0, count("SELECT count(*) FROM " + table), table + " holds rows after the warm-up");
        }
        assertEquals(0, count("SELECT count(*) FROM audit_entry e WHERE e::text LIKE '%预热%' OR e::text LIKE '%warm%'"),
                "an audit entry of the warm-up");
        // the rows did go in (and were rolled back): the tables are new since this profile's migration
        long inserted = 0;
        for (int i = 0; i < 150 && inserted < 300; i++) {
            inserted = count("SELECT coalesce(sum(n_tup_ins), 0) FROM pg_stat_user_tables WHERE relname = 'participation'");
            Thread.sleep(200);
        }
        assertTrue(inserted >= 300, "the rehearsal cast into participation: " + inserted);
        assertEquals(0, count("SELECT n_live_tup FROM pg_stat_user_tables WHERE relname = 'participation'"));
    }

    private long count(String sql) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement(); ResultSet r = s.executeQuery(sql)) {
            r.next();
            return r.getLong(1);
        }
    }
}
