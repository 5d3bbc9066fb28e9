package cn.minsheng.ballot.common;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;

import org.junit.jupiter.api.Test;

import cn.minsheng.ballot.support.Api;
import io.quarkus.test.junit.QuarkusTest;

/** The service's database role reads and writes rows; only the owner (Flyway) changes the schema. */
@QuarkusTest
class DatabaseRoleTest {

    @Test
    void theApplicationRoleCannotChangeTheSchema() throws SQLException {
        String url = Api.config("quarkus.datasource.jdbc.url");
        assertEquals("minsheng_app", Api.config("quarkus.datasource.username"));
        try (Connection app = DriverManager.getConnection(url, "minsheng_app", "minsheng_app")) {
            for (String ddl : new String[] { "CREATE TABLE intruder (i int)", "ALTER TABLE congress ADD COLUMN x int",
                    "DROP TABLE deputy", "TRUNCATE audit_entry" }) {
                SQLException e = assertThrows(SQLException.class, () -> app.createStatement().execute(ddl), ddl);
                assertTrue(e.getMessage().contains("permission denied") || e.getMessage().contains("must be owner"),
                        ddl + ": " + e.getMessage());
            }
            try (ResultSet rs = app.createStatement().executeQuery("SELECT count(*) FROM congress")) {
                assertTrue(rs.next());
            }
        }
        try (Connection owner = DriverManager.getConnection(url, "minsheng_owner", "minsheng_owner");
                ResultSet rs = owner.createStatement().executeQuery(
                        "SELECT count(*) FROM flyway_schema_history WHERE success AND installed_by = 'minsheng_owner'")) {
            assertTrue(rs.next() && rs.getInt(1) >= 1, "migrations ran as the owner");
        }
    }
}
