package cn.minsheng.ballot.hardening;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.minsheng.ballot.support.Api;
import cn.minsheng.ballot.support.Api.Hall;
import io.quarkus.test.junit.QuarkusTest;

/** Issue 17, item 3: the application's own database role cannot reopen a closed ballot or session. */
@QuarkusTest
class StateGuardTest {

    @Test
    void aClosedBallotOrSessionCannotBeReopenedOrDeletedEvenByTheApplicationRole() throws SQLException {
        Hall hall = Api.hall(3, 3);
        var t = hall.tenant();
        List<String> c = Api.candidates15(t, Api.openWindow(t, 2027)).subList(0, 2);
        String ballot = Api.openBallot(hall, Map.of("title", "票决", "kind", "SELECTION", "seats", 1, "minSurplus", 1, "itemIds", c));
        Api.cast(hall.deputy(0), ballot, Api.ticks(c.subList(0, 1))).then().statusCode(201);
        t.as().post("/api/v1/ballots/" + ballot + "/close").then().statusCode(200);
        t.as().post("/api/v1/sessions/" + hall.sessionId() + "/close").then().statusCode(200);
        String b = "'" + ballot + "'";
        String s = "'" + hall.sessionId() + "'";
        try (Connection app = DriverManager.getConnection(Api.config("quarkus.datasource.jdbc.url"), "minsheng_app", "minsheng_app")) {
            for (String sql : new String[] {
                    "UPDATE ballot SET status = 'OPEN' WHERE id = " + b,
                    "UPDATE ballot SET status = 'CLOSING' WHERE id = " + b,
                    "UPDATE ballot SET status = 'DRAFT' WHERE id = " + b,
                    "DELETE FROM ballot WHERE id = " + b,
                    "UPDATE session SET status = 'OPEN' WHERE id = " + s,
                    "UPDATE session SET status = 'PLANNED' WHERE id = " + s,
                    "DELETE FROM session WHERE id = " + s }) {
                SQLException refused = assertThrows(SQLException.class, () -> app.createStatement().executeUpdate(sql), sql);
                assertTrue(refused.getMessage().contains("cannot"), sql + ": " + refused.getMessage());
            }
            // and so the content stays as counted
            SQLException refused = assertThrows(SQLException.class,
                    () -> app.createStatement().executeUpdate("DELETE FROM ballot_content WHERE ballot_id = " + b));
            assertTrue(refused.getMessage().contains("takes no votes"), refused.getMessage());
        }
    }
}
