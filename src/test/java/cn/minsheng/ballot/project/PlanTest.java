package cn.minsheng.ballot.project;

import static org.hamcrest.Matchers.equalTo;

import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.minsheng.ballot.support.Api;
import cn.minsheng.ballot.support.Api.Hall;
import io.quarkus.test.junit.QuarkusTest;

/** A selected project's implementation plan (实施方案): kept by its own department only. */
@QuarkusTest
class PlanTest {

    static final Map<String, Object> PLAN = Map.of("leadOfficial", "副县长 李明", "budgetPlanned", 5600, "budgetSpent", 800,
            "targets", "新建教学楼两栋", "startsOn", "2027-01-01", "endsOn", "2028-12-31");

    @Test
    void theResponsibleDepartmentKeepsThePlanAndNoOtherMay() {
        Hall hall = Api.hall(3, 3);
        String schools = Api.selectedProjects(hall, 10).get("中小学校舍改扩建");
        String plan = "/api/v1/projects/" + schools + "/plan";
        Api.as(Api.department(hall.tenant(), "教育局")).body(PLAN).put(plan).then().statusCode(200)
                .body("leadOfficial", equalTo("副县长 李明")).body("stageTarget", equalTo("第1年目标"));
        Api.as(Api.department(hall.tenant(), "水利局")).body(PLAN).put(plan).then().statusCode(403)
                .body("code", equalTo("NOT_RESPONSIBLE"));
    }
}
