package cn.minsheng.ballot.overview;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.LocalDate;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.minsheng.ballot.support.Api;
import cn.minsheng.ballot.support.Api.Hall;
import io.quarkus.test.junit.QuarkusTest;

/** The battle map (挂图作战): projects by light, reddest first, and its export for Excel. */
@QuarkusTest
class DashboardTest {

    @Test
    void projectsByLightReddestFirstAndTheExport() {
        Hall hall = Api.hall(3, 3);
        var t = hall.tenant();
        String schools = Api.selectedProjects(hall, 10).get("中小学校舍改扩建");
        given().get("/api/v1/public/congresses/" + t.code() + "/projects").then().statusCode(200).body("", hasSize(10))
                .body("status", everyItem(equalTo("IN_PROGRESS"))).body("light", everyItem(equalTo("GREEN")));
        Api.as(Api.department(t, "教育局")).body(Map.of("title", "主体施工", "dueOn", LocalDate.now().minusDays(2).toString()))
                .post("/api/v1/projects/" + schools + "/milestones").then().statusCode(201);
        t.as().get("/api/v1/congresses/" + t.congressId() + "/dashboard").then().statusCode(200)
                .body("red", equalTo(1)).body("green", equalTo(9)).body("projects[0].id", equalTo(schools));
        String csv = t.as().get("/api/v1/congresses/" + t.congressId() + "/dashboard/export").then().statusCode(200).extract()
                .asString();
        assertEquals(11, csv.lines().count(), csv);
        assertTrue(csv.contains("中小学校舍改扩建"));
    }
}
