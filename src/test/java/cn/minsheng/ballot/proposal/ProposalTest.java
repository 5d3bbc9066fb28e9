package cn.minsheng.ballot.proposal;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import org.junit.jupiter.api.Test;

import cn.minsheng.ballot.support.Api;
import cn.minsheng.ballot.support.Api.Tenant;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;

@QuarkusTest
class ProposalTest {

    private static final Map<String, Object> SCHOOL = Map.of("title", "村小学操场改造", "summary", "操场坑洼，雨天积水",
            "category", "EDUCATION", "location", "城关镇东村", "contactName", "王大妈", "contactPhone", "13800000000");

    private static Response anonymous(String window, Object body, String address) {
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", address).body(body)
                .post("/api/v1/solicitations/" + window + "/proposals");
    }

    private static String address() {
        return "192.0.2." + (int) (Math.random() * 250 + 1);
    }

    @Test
    void residentsProposeWithoutATokenAndSeeTheFateButNotTheProposer() {
        Tenant t = Api.tenant();
        String window = Api.openWindow(t, 2027);
        String id = anonymous(window, SCHOOL, address()).then().statusCode(201).body("source", equalTo("PUBLIC"))
                .body("status", equalTo("SUBMITTED")).body("categoryLabel", equalTo("教育")).extract().path("id");
        t.as().get("/api/v1/proposals/" + id).then().statusCode(200).body("contactPhone", equalTo("13800000000"));
        given().get("/api/v1/public/congresses/" + t.code() + "/proposals").then().statusCode(200)
                .body("items[0].id", equalTo(id)).body("items[0]", not(hasKey("contactPhone")))
                .body("items[0]", not(hasKey("contactName"))).body("items[0]", not(hasKey("proposerAccountId")));
        given().get("/api/v1/public/congresses/" + t.code() + "/solicitations").then().statusCode(200)
                .body("[0].open", equalTo(true)).body("[0].notice", equalTo("欢迎提出建议"));
        given().header("Accept-Language", "en").get("/api/v1/public/categories").then().statusCode(200)
                .body("find { it.code == 'ELDERLY_CARE' }.label", equalTo("Elderly care"));
    }

    @Test
    void aProposalsFateIsFoundByItsQueryCode() {
        Tenant t = Api.tenant();
        String window = Api.openWindow(t, 2027);
        String id = anonymous(window, SCHOOL, address()).then().statusCode(201).extract().path("id");
        String code = id.replace("-", "").substring(0, 8).toUpperCase();
        String byCode = "/api/v1/public/congresses/" + t.code() + "/proposals/by-code/";
        given().get(byCode + code).then().statusCode(200).body("id", equalTo(id)).body("status", equalTo("SUBMITTED"))
                .body("$", not(hasKey("contactPhone")));
        // as written down: lower case, a dash in the middle
        given().get(byCode + code.substring(0, 4).toLowerCase() + "-" + code.substring(4).toLowerCase()).then().statusCode(200)
                .body("id", equalTo(id));
        // rejected: the reason in words
        t.as().body(Map.of("decision", "REJECT", "reason", "OTHER", "note", "属于日常工作"))
                .post("/api/v1/proposals/" + id + "/screening").then().statusCode(200);
        given().get(byCode + code).then().statusCode(200).body("status", equalTo("REJECTED"))
                .body("rejectionReasonLabel", notNullValue()).body("rejectionNote", equalTo("属于日常工作"));
        // another congress's code does not find it; a code that is not one is refused in words
        given().get("/api/v1/public/congresses/" + Api.tenant().code() + "/proposals/by-code/" + code).then().statusCode(404);
        String other = code.charAt(0) == '0' ? "1" + code.substring(1) : "0" + code.substring(1);
        given().get(byCode + other).then().statusCode(404).contentType("application/problem+json");
        given().get(byCode + "XYZ12345").then().statusCode(400).contentType("application/problem+json")
                .body("code", equalTo("QUERY_CODE_INVALID")).body("detail", containsString("8"));
        given().get(byCode + "ABC").then().statusCode(400).body("code", equalTo("QUERY_CODE_INVALID"));
        given().get("/api/v1/public/congresses/nosuch-" + code + "/proposals/by-code/" + code).then().statusCode(404);
    }

    @Test
    void theSourceFollowsTheRole() {
        Tenant t = Api.tenant();
        String window = Api.openWindow(t, 2027);
        String path = "/api/v1/solicitations/" + window + "/proposals";
        Api.as(Api.account(t, "deputy")).body(SCHOOL).post(path).then().statusCode(201).body("source", equalTo("DEPUTY"));
        Api.as(Api.account(t, "department")).body(SCHOOL).post(path).then().statusCode(201).body("source", equalTo("DEPARTMENT"));
        t.as().body(SCHOOL).post(path).then().statusCode(201).body("source", equalTo("STANDING_COMMITTEE"));
        Api.as(Api.account(t, "scrutineer")).body(SCHOOL).post(path).then().statusCode(403);
        Map<String, Object> claimsDeputy = new HashMap<>(SCHOOL);
        claimsDeputy.put("source", "DEPUTY");
        anonymous(window, claimsDeputy, address()).then().statusCode(400).body("code", equalTo("SOURCE_NOT_ALLOWED"));
    }

    @Test
    void badProposalsAreRefusedAndNothingIsStored() {
        Tenant t = Api.tenant();
        String window = Api.openWindow(t, 2027);
        String path = "/api/v1/solicitations/" + window + "/proposals";
        Map<String, Object> empty = new HashMap<>(SCHOOL);
        empty.put("title", " ");
        t.as().body(empty).post(path).then().statusCode(400).body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("title"));
        Map<String, Object> longSummary = new HashMap<>(SCHOOL);
        longSummary.put("summary", "长".repeat(10_000));
        t.as().body(longSummary).post(path).then().statusCode(400).body("errors[0].field", equalTo("summary"));
        Map<String, Object> unknown = new HashMap<>(SCHOOL);
        unknown.put("category", "SPACEPORT");
        t.as().body(unknown).post(path).then().statusCode(400).body("code", equalTo("UNKNOWN_CATEGORY"))
                .body("errors[0].field", equalTo("category"));
        t.as().body(SCHOOL).post("/api/v1/solicitations/" + java.util.UUID.randomUUID() + "/proposals").then().statusCode(404);
        t.as().get("/api/v1/congresses/" + t.congressId() + "/proposals").then().body("total", equalTo(0));
    }

    @Test
    void aClosedOrNotYetOpenWindowRefusesProposals() {
        Tenant t = Api.tenant();
        Instant now = Instant.now();
        String past = t.as().body(Map.of("year", 2026, "title", "去年征集", "opensAt", now.minus(Duration.ofDays(60)).toString(),
                "closesAt", now.minus(Duration.ofDays(30)).toString())).post("/api/v1/congresses/" + t.congressId() + "/solicitations")
                .then().statusCode(201).body("open", equalTo(false)).extract().path("id");
        String future = t.as().body(Map.of("year", 2028, "title", "明年征集", "opensAt", now.plus(Duration.ofDays(300)).toString(),
                "closesAt", now.plus(Duration.ofDays(330)).toString())).post("/api/v1/congresses/" + t.congressId() + "/solicitations")
                .then().statusCode(201).extract().path("id");
        anonymous(past, SCHOOL, address()).then().statusCode(409).body("code", equalTo("SOLICITATION_CLOSED"));
        anonymous(future, SCHOOL, address()).then().statusCode(409).body("code", equalTo("SOLICITATION_CLOSED"));
        t.as().body(Map.of("year", 2027, "title", "倒置", "opensAt", now.toString(), "closesAt", now.minusSeconds(1).toString()))
                .post("/api/v1/congresses/" + t.congressId() + "/solicitations").then().statusCode(400)
                .body("code", equalTo("WINDOW_INVALID"));
    }

    @Test
    void anonymousProposalsAreRateLimitedPerAddress() {
        Tenant t = Api.tenant();
        String window = Api.openWindow(t, 2027);
        String flooder = "198.51.100.77";
        for (int i = 0; i < 3; i++) {
            anonymous(window, SCHOOL, flooder).then().statusCode(201);
        }
        Response limited = anonymous(window, SCHOOL, flooder);
        limited.then().statusCode(429).contentType("application/problem+json").body("code", equalTo("RATE_LIMITED"));
        assertTrue(Long.parseLong(limited.header("Retry-After")) > 0);
        anonymous(window, SCHOOL, "198.51.100.78").then().statusCode(201);
        t.as().get("/api/v1/congresses/" + t.congressId() + "/proposals").then().body("total", equalTo(4));
    }

    @Test
    void theReservePoolIsSearchableAndDuplicatesMerge() {
        Tenant t = Api.tenant();
        String window = Api.openWindow(t, 2027);
        String path = "/api/v1/solicitations/" + window + "/proposals";
        String a = t.as().body(SCHOOL).post(path).path("id");
        String b = t.as().body(SCHOOL).post(path).path("id");
        String c = t.as().body(Map.of("title", "敬老院改造", "summary", "老人多", "category", "ELDERLY_CARE")).post(path).path("id");
        String pool = "/api/v1/congresses/" + t.congressId() + "/proposals";
        t.as().get(pool + "?category=ELDERLY_CARE").then().body("total", equalTo(1)).body("items[0].id", equalTo(c));
        t.as().get(pool + "?q=操场").then().body("total", equalTo(2));
        t.as().body(Map.of("duplicateIds", List.of(b))).post("/api/v1/proposals/" + a + "/merge").then().statusCode(200)
                .body("supporters", equalTo(2));
        t.as().get("/api/v1/proposals/" + b).then().body("status", equalTo("MERGED")).body("mergedInto", equalTo(a));
        t.as().get(pool + "?status=SUBMITTED").then().body("total", equalTo(2));
        t.as().body(Map.of("duplicateIds", List.of(b))).post("/api/v1/proposals/" + a + "/merge").then().statusCode(409)
                .body("code", equalTo("ALREADY_SCREENED"));
        t.as().body(Map.of("duplicateIds", List.of(a))).post("/api/v1/proposals/" + a + "/merge").then().statusCode(400)
                .body("code", equalTo("MERGE_INTO_ITSELF"));
    }

    @Test
    void screeningAcceptsIntoACandidateOrRejectsWithAReason() {
        Tenant t = Api.tenant();
        String window = Api.openWindow(t, 2027);
        String path = "/api/v1/solicitations/" + window + "/proposals";
        String department = Api.account(t, "department");
        String accepted = t.as().body(SCHOOL).post(path).path("id");
        String screening = "/api/v1/proposals/" + accepted + "/screening";
        Api.as(department).body(Map.of("decision", "ACCEPT", "department", "教育局", "estimatedBudget", 320, "plannedYears", 2,
                "stageTargets", List.of("完成设计"))).post(screening).then().statusCode(400)
                .body("errors[0].field", equalTo("stageTargets"));
        Api.as(department).body(Map.of("decision", "ACCEPT", "estimatedBudget", 320)).post(screening).then().statusCode(400)
                .body("errors[0].field", equalTo("department"));
        String candidate = Api.as(department).body(Map.of("decision", "ACCEPT", "department", "教育局", "estimatedBudget", 320,
                "plannedYears", 2, "stageTargets", List.of("完成设计招标", "建成投用"))).post(screening).then().statusCode(200)
                .body("status", equalTo("ACCEPTED")).body("candidateId", notNullValue()).extract().path("candidateId");
        Api.as(Api.account(t, "deputy")).get("/api/v1/candidates/" + candidate).then().statusCode(200)
                .body("department", equalTo("教育局")).body("year", equalTo(2027)).body("stageTargets[1]", equalTo("建成投用"))
                .body("title", equalTo("村小学操场改造"));
        t.as().body(Map.of("decision", "REJECT", "reason", "NOT_READY")).post(screening).then().statusCode(409)
                .body("code", equalTo("ALREADY_SCREENED"));

        String rejected = t.as().body(SCHOOL).post(path).path("id");
        String rejecting = "/api/v1/proposals/" + rejected + "/screening";
        t.as().body(Map.of("decision", "REJECT")).post(rejecting).then().statusCode(400).body("errors[0].field", equalTo("reason"));
        t.as().body(Map.of("decision", "REJECT", "reason", "OTHER")).post(rejecting).then().statusCode(400)
                .body("errors[0].field", equalTo("note"));
        t.as().body(Map.of("decision", "REJECT", "reason", "ADDS_PUBLIC_DEBT")).post(rejecting).then().statusCode(200)
                .body("status", equalTo("REJECTED")).body("candidateId", nullValue());
        given().get("/api/v1/public/congresses/" + t.code() + "/proposals?status=REJECTED").then()
                .body("items[0].rejectionReasonLabel", equalTo("会新增政府债务"));
        Api.as(Api.account(t, "deputy")).body(Map.of("decision", "ACCEPT")).post(rejecting).then().statusCode(403);
        Api.tenant().as().body(Map.of("decision", "REJECT", "reason", "NOT_READY")).post(rejecting).then().statusCode(404);
    }

    @Test
    void twoScreeningsAtOnceMakeOneCandidate() throws Exception {
        Tenant t = Api.tenant();
        String window = Api.openWindow(t, 2027);
        String id = t.as().body(SCHOOL).post("/api/v1/solicitations/" + window + "/proposals").path("id");
        ExecutorService pool = Executors.newFixedThreadPool(4);
        List<Callable<Integer>> calls = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            calls.add(() -> t.as().body(Map.of("decision", "ACCEPT", "department", "教育局", "estimatedBudget", 100))
                    .post("/api/v1/proposals/" + id + "/screening").statusCode());
        }
        List<Integer> statuses = new ArrayList<>();
        for (Future<Integer> f : pool.invokeAll(calls)) {
            statuses.add(f.get());
        }
        pool.shutdown();
        assertEquals(1, statuses.stream().filter(s -> s == 200).count(), statuses.toString());
        assertEquals(3, statuses.stream().filter(s -> s == 409).count(), statuses.toString());
        t.as().get("/api/v1/congresses/" + t.congressId() + "/candidates").then().body("total", equalTo(1));
    }

    @Test
    void aRejectedProposalComesBackInALaterWindow() {
        Tenant t = Api.tenant();
        String window2027 = Api.openWindow(t, 2027);
        String id = t.as().body(SCHOOL).post("/api/v1/solicitations/" + window2027 + "/proposals").path("id");
        t.as().body(Map.of("duplicateIds", List.of())).post("/api/v1/proposals/" + id + "/merge").then().statusCode(400);
        t.as().body(Map.of("solicitationId", window2027)).post("/api/v1/proposals/" + id + "/resubmit").then().statusCode(409)
                .body("code", equalTo("NOT_REJECTED"));
        t.as().body(Map.of("decision", "REJECT", "reason", "NOT_READY")).post("/api/v1/proposals/" + id + "/screening").then()
                .statusCode(200);
        t.as().body(Map.of("solicitationId", window2027)).post("/api/v1/proposals/" + id + "/resubmit").then().statusCode(409)
                .body("code", equalTo("RESUBMIT_NEEDS_LATER_WINDOW"));
        String window2028 = Api.openWindow(t, 2028);
        t.as().body(Map.of("solicitationId", window2028)).post("/api/v1/proposals/" + id + "/resubmit").then().statusCode(201)
                .body("status", equalTo("SUBMITTED")).body("resubmittedFrom", equalTo(id))
                .body("solicitationId", equalTo(window2028)).body("title", equalTo("村小学操场改造"));
    }

    @Test
    void candidatesListAndExportForTheSecretariat() {
        Tenant t = Api.tenant();
        String window = Api.openWindow(t, 2027);
        List<String> ids = Api.candidates15(t, window);
        assertEquals(15, ids.size());
        String c = "/api/v1/congresses/" + t.congressId();
        t.as().get(c + "/candidates?size=100").then().body("total", equalTo(15)).body("items.title", hasItem("城区供水管网改造"));
        t.as().get(c + "/candidates?department=教育局").then().body("total", equalTo(2));
        Api.as(Api.account(t, "deputy")).get(c + "/candidates?year=2027").then().statusCode(200).body("total", equalTo(15));
        String csv = t.as().get(c + "/candidates/export").then().statusCode(200).contentType(containsCsv())
                .header("Content-Disposition", org.hamcrest.Matchers.containsString("candidates.csv")).extract().asString();
        assertTrue(csv.startsWith("\uFEFF项目名称") || csv.startsWith("\uFEFF编号"), csv.substring(0, 20));
        assertEquals(16, csv.lines().count());
        assertTrue(csv.contains("城区老旧小区改造,住房和城乡建设局,4800"));
        String proposals = t.as().get(c + "/proposals/export").then().statusCode(200).extract().asString();
        assertEquals(16, proposals.lines().count());
        assertTrue(proposals.contains("ACCEPTED"));
    }

    private static String containsCsv() {
        return "text/csv";
    }
}
