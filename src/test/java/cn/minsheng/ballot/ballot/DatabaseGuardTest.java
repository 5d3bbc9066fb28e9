package cn.minsheng.ballot.ballot;

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

/** The database itself refuses writes to a closed ballot and changes to a published result, whoever asks. */
@QuarkusTest
class DatabaseGuardTest {

    @Test
    void closedBallotsAndPublishedResultsRefuseWritesEvenFromTheApplicationRole() throws SQLException {
        Hall hall = Api.hall(3, 3);
        var t = hall.tenant();
        List<String> c = Api.candidates15(t, Api.openWindow(t, 2027)).subList(0, 2);
        String ballot = Api.openBallot(hall, Map.of("title", "票决", "kind", "SELECTION", "seats", 1, "minSurplus", 1, "itemIds", c));
        Api.cast(hall.deputy(0), ballot, Api.ticks(c.subList(0, 1))).then().statusCode(201);
        Api.closeAndPublish(hall, ballot);
        String b = "'" + ballot + "'";
        try (Connection app = DriverManager.getConnection(Api.config("quarkus.datasource.jdbc.url"), "minsheng_app", "minsheng_app")) {
            for (String sql : new String[] {
                    "INSERT INTO ballot_content (id, ballot_id, tracker, nonce, marks, channel) VALUES (gen_random_uuid(), " + b
                            + ", 'forged', 'n', '', 'ELECTRONIC')",
                    "UPDATE ballot_content SET marks = '' WHERE ballot_id = " + b,
                    "DELETE FROM ballot_content WHERE ballot_id = " + b,
                    "INSERT INTO participation (ballot_id, deputy_id, channel, cast_at) VALUES (" + b + ", '"
                            + hall.deputyIds().get(1) + "', 'ELECTRONIC', now())",
                    "DELETE FROM participation WHERE ballot_id = " + b,
                    "UPDATE ballot_result SET figures = '{}' WHERE ballot_id = " + b,
                    "DELETE FROM ballot_result WHERE ballot_id = " + b }) {
                SQLException refused = assertThrows(SQLException.class, () -> app.createStatement().executeUpdate(sql), sql);
                assertTrue(refused.getMessage().contains("takes no votes") || refused.getMessage().contains("published and final"),
                        sql + ": " + refused.getMessage());
            }
        }
    }
}
