package cn.minsheng.ballot.project;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import cn.minsheng.ballot.support.Api;
import cn.minsheng.ballot.support.Api.Hall;
import io.quarkus.test.junit.QuarkusTest;

/** A due date passing, with nobody reporting, still turns the light RED at the next scheduled round. */
@QuarkusTest
class LightJobTest {

    @Inject
    LightJob job;

    @Test
    void theScheduledRoundRelightsProjectsWhoseMilestoneFellDue() throws SQLException {
        Hall hall = Api.hall(3, 3);
        var t = hall.tenant();
        List<String> c = Api.candidates15(t, Api.openWindow(t, 2027)).subList(0, 2);
        String ballot = Api.openBallot(hall, Map.of("title", "票决", "kind", "SELECTION", "seats", 1, "minSurplus", 1, "itemIds", c));
        for (int d = 0; d < 3; d++) {
            Api.cast(hall.deputy(d), ballot, Api.ticks(c.subList(0, 1))).then().statusCode(201);
        }
        Api.closeAndPublish(hall, ballot);
        String project = given().get("/api/v1/public/congresses/" + t.code() + "/projects").path("[0].id");
        String department = Api.department(t, "住房和城乡建设局");
        String milestone = Api.as(department).body(Map.of("title", "开工", "dueOn", "2099-01-01"))
                .post("/api/v1/projects/" + project + "/milestones").then().statusCode(201).extract().path("id");
        given().get("/api/v1/public/projects/" + project).then().body("project.light", equalTo("GREEN"));

        // time passes: the due date is now behind us (moved in the database, as a calendar would)
        try (Connection db = DriverManager.getConnection(Api.config("quarkus.datasource.jdbc.url"), "minsheng_owner",
                "minsheng_owner")) {
            db.createStatement().executeUpdate("UPDATE milestone SET due_on = current_date - 1 WHERE id = '" + milestone + "'");
        }
        given().get("/api/v1/public/projects/" + project).then().body("project.light", equalTo("GREEN"));
        job.relightAll();
        given().get("/api/v1/public/projects/" + project).then().body("project.light", equalTo("RED"));
        t.as().get("/api/v1/congresses/" + t.congressId() + "/audit?size=500").then()
                .body("items.find { it.action == 'project.light' }.details", equalTo("{\"from\":\"GREEN\",\"to\":\"RED\"}"));
    }
}
