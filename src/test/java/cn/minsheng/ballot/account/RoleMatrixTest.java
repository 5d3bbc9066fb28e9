package cn.minsheng.ballot.account;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.function.Supplier;

import org.junit.jupiter.api.Test;

import cn.minsheng.ballot.support.Api;
import cn.minsheng.ballot.support.Api.Tenant;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;

/**
 * Every operation × every caller: no token, each role of the congress, and another congress's
 * secretariat (who must get 404, as if the congress did not exist). The list of operations is
 * checked against the OpenAPI contract, so a new endpoint fails here until it is added.
 */
@QuarkusTest
class RoleMatrixTest {

    enum Who { ANONYMOUS, ADMIN, SECRETARIAT, DEPUTY, SCRUTINEER, DEPARTMENT, PROJECTOR, FOREIGN_SECRETARIAT }

    record Case(String operationId, String method, Supplier<String> path, String contentType, Supplier<Object> body,
            Map<Who, Integer> expected, Map<String, String> headers) {
        Case(String operationId, String method, Supplier<String> path, String contentType, Supplier<Object> body,
                Map<Who, Integer> expected) {
            this(operationId, method, path, contentType, body, expected, Map.of());
        }
    }

    /** operations anyone may call, tested elsewhere */
    private static final Set<String> PUBLIC = Set.of("login", "jwks", "listCategories", "publicSolicitations",
            "publicProposals", "publicSlates", "publicAuditHeads", "publicCongresses", "publicProposalByCode");
    /** a stream never ends, so its refusals are tested in TurnoutStreamTest */
    private static final Set<String> ELSEWHERE = Set.of("streamTurnout", "streamSession");

    @Test
    void everyOperationRefusesEveryoneItShould() {
        Tenant t = Api.tenant();
        Tenant other = Api.tenant();
        Map<Who, String> tokens = new HashMap<>();
        tokens.put(Who.ADMIN, Api.admin());
        tokens.put(Who.SECRETARIAT, t.secretariat());
        tokens.put(Who.DEPUTY, Api.account(t, "deputy"));
        tokens.put(Who.SCRUTINEER, Api.account(t, "scrutineer"));
        tokens.put(Who.DEPARTMENT, Api.department(t, "住房和城乡建设局"));
        tokens.put(Who.PROJECTOR, Api.account(t, "projector"));
        tokens.put(Who.FOREIGN_SECRETARIAT, other.secretariat());
        String ownDeputyId = Api.as(tokens.get(Who.DEPUTY)).get("/api/v1/me").path("deputyId");
        String otherDeputyId = Api.deputy(t, "另一位代表");
        String accountId = Api.as(t.secretariat()).get("/api/v1/congresses/" + t.congressId() + "/accounts")
                .path("items[0].id");
        String c = "/api/v1/congresses/" + t.congressId();
        String window = Api.openWindow(t, 2027);
        List<String> candidates = Api.candidates15(t, window);
        String candidate = candidates.get(0);
        String slate = t.as().body(Map.of("title", "矩阵名单", "year", 2027, "seats", 10, "minSurplus", 2, "candidateIds",
                candidates.subList(0, 12))).post(c + "/slates").then().statusCode(201).extract().path("id");
        Supplier<String> freshProposal = () -> t.as().body(Map.of("title", "矩阵建议", "summary", "内容", "category", "OTHER"))
                .post("/api/v1/solicitations/" + window + "/proposals").then().statusCode(201).extract().path("id");

        List<Case> cases = new ArrayList<>();
        cases.add(new Case("createCongress", "POST", () -> "/api/v1/congresses", "application/json",
                () -> Map.of("code", Api.unique("m"), "name", "矩阵人大", "level", "TOWNSHIP"),
                expect(201, Who.ADMIN)));
        cases.add(new Case("listCongresses", "GET", () -> "/api/v1/congresses", null, null, expect(200, Who.ADMIN)));
        cases.add(new Case("getCongress", "GET", () -> c, null, null,
                expect(200, Who.ADMIN, Who.SECRETARIAT, Who.DEPUTY, Who.SCRUTINEER, Who.DEPARTMENT)));
        cases.add(new Case("updateCongress", "PATCH", () -> c, "application/json", () -> Map.of("name", "改名人大"),
                expect(200, Who.ADMIN)));
        cases.add(new Case("createAccount", "POST", () -> c + "/accounts", "application/json",
                () -> Map.of("username", Api.unique("u"), "password", Api.PASSWORD, "role", "department"),
                expect(201, Who.ADMIN, Who.SECRETARIAT)));
        cases.add(new Case("listAccounts", "GET", () -> c + "/accounts", null, null, expect(200, Who.ADMIN, Who.SECRETARIAT)));
        cases.add(new Case("getAccount", "GET", () -> c + "/accounts/" + accountId, null, null,
                expect(200, Who.ADMIN, Who.SECRETARIAT)));
        cases.add(new Case("updateAccount", "PATCH", () -> c + "/accounts/" + accountId, "application/json",
                () -> Map.of("displayName", "秘书处"), expect(200, Who.ADMIN, Who.SECRETARIAT)));
        cases.add(new Case("getLockout", "GET", () -> c + "/accounts/" + accountId + "/lockout", null, null,
                expect(200, Who.ADMIN, Who.SECRETARIAT)));
        cases.add(new Case("liftLockout", "DELETE", () -> c + "/accounts/" + accountId + "/lockout", null, null,
                expect(200, Who.ADMIN, Who.SECRETARIAT)));
        cases.add(new Case("createDeputy", "POST", () -> c + "/deputies", "application/json",
                () -> Map.of("name", "新代表"), expect(201, Who.SECRETARIAT)));
        cases.add(new Case("listDeputies", "GET", () -> c + "/deputies", null, null, expect(200, Who.SECRETARIAT)));
        // slips for another deputy: a slip replaces that deputy's password, and with it their tokens
        cases.add(new Case("printLoginSlips", "POST", () -> c + "/deputies/login-slips", "application/json",
                () -> Map.of("deputyIds", List.of(otherDeputyId)), expect(200, Who.SECRETARIAT)));
        cases.add(new Case("getDeputy", "GET", () -> c + "/deputies/" + ownDeputyId, null, null,
                expect(200, Who.SECRETARIAT, Who.DEPUTY)));
        Map<Who, Integer> otherDeputy = expect(200, Who.SECRETARIAT);
        otherDeputy.put(Who.DEPUTY, 404); // a deputy reads their own entry only
        cases.add(new Case("getDeputy", "GET", () -> c + "/deputies/" + otherDeputyId, null, null, otherDeputy));
        cases.add(new Case("updateDeputy", "PATCH", () -> c + "/deputies/" + otherDeputyId, "application/json",
                () -> Map.of("district", "第2选区"), expect(200, Who.SECRETARIAT)));
        cases.add(new Case("importDeputies", "POST", () -> c + "/deputies/import", "text/csv; charset=UTF-8",
                () -> ("编号,姓名\n" + Api.unique("X") + ",导入代表\n").getBytes(java.nio.charset.StandardCharsets.UTF_8),
                expect(201, Who.SECRETARIAT)));
        cases.add(new Case("getAuditLog", "GET", () -> c + "/audit", null, null, expect(200, Who.SECRETARIAT, Who.SCRUTINEER)));
        cases.add(new Case("exportAuditLog", "GET", () -> c + "/audit/export", null, null,
                expect(200, Who.SECRETARIAT, Who.SCRUTINEER)));
        cases.add(new Case("verifyAuditLog", "GET", () -> c + "/audit/verify", null, null,
                expect(200, Who.ADMIN, Who.SECRETARIAT, Who.SCRUTINEER)));
        cases.add(new Case("openSolicitation", "POST", () -> c + "/solicitations", "application/json",
                () -> Map.of("year", 2028, "title", "征集", "opensAt", "2027-07-01T00:00:00Z", "closesAt", "2027-08-01T00:00:00Z"),
                expect(201, Who.SECRETARIAT)));
        cases.add(new Case("listSolicitations", "GET", () -> c + "/solicitations", null, null, expect(200, Who.SECRETARIAT)));
        Map<Who, Integer> submit = expect(201, Who.SECRETARIAT, Who.DEPUTY, Who.DEPARTMENT);
        submit.put(Who.ANONYMOUS, 201);
        submit.put(Who.FOREIGN_SECRETARIAT, 404);
        submit.put(Who.ADMIN, 403);
        cases.add(new Case("submitProposal", "POST", () -> "/api/v1/solicitations/" + window + "/proposals", "application/json",
                () -> Map.of("title", "建议", "summary", "内容", "category", "WATER"), submit));
        cases.add(new Case("listProposals", "GET", () -> c + "/proposals", null, null, expect(200, Who.SECRETARIAT, Who.DEPARTMENT)));
        cases.add(new Case("exportProposals", "GET", () -> c + "/proposals/export", null, null, expect(200, Who.SECRETARIAT)));
        cases.add(new Case("getProposal", "GET", () -> "/api/v1/proposals/" + freshProposal.get(), null, null,
                foreignIs404(expect(200, Who.SECRETARIAT, Who.DEPARTMENT))));
        cases.add(new Case("screenProposal", "POST", () -> "/api/v1/proposals/" + freshProposal.get() + "/screening",
                "application/json", () -> Map.of("decision", "REJECT", "reason", "NOT_READY"),
                foreignIs404(expect(200, Who.SECRETARIAT, Who.DEPARTMENT))));
        cases.add(new Case("mergeProposals", "POST", () -> "/api/v1/proposals/" + freshProposal.get() + "/merge",
                "application/json", () -> Map.of("duplicateIds", List.of(freshProposal.get())),
                foreignIs404(expect(200, Who.SECRETARIAT))));
        cases.add(new Case("resubmitProposal", "POST", () -> "/api/v1/proposals/" + freshProposal.get() + "/resubmit",
                "application/json", () -> Map.of("solicitationId", window),
                foreignIs404(expect(409, Who.SECRETARIAT, Who.DEPUTY, Who.DEPARTMENT))));
        cases.add(new Case("listCandidates", "GET", () -> c + "/candidates", null, null,
                expect(200, Who.SECRETARIAT, Who.DEPARTMENT, Who.DEPUTY)));
        cases.add(new Case("exportCandidates", "GET", () -> c + "/candidates/export", null, null, expect(200, Who.SECRETARIAT)));
        cases.add(new Case("getCandidate", "GET", () -> "/api/v1/candidates/" + candidate, null, null,
                foreignIs404(expect(200, Who.SECRETARIAT, Who.DEPARTMENT, Who.DEPUTY))));
        cases.add(new Case("createSlate", "POST", () -> c + "/slates", "application/json", () -> Map.of("title", "名单", "year",
                2027, "seats", 10, "minSurplus", 2, "candidateIds", candidates.subList(0, 12)), expect(201, Who.SECRETARIAT)));
        cases.add(new Case("listSlates", "GET", () -> c + "/slates", null, null,
                expect(200, Who.SECRETARIAT, Who.DEPARTMENT, Who.DEPUTY, Who.SCRUTINEER)));
        cases.add(new Case("getSlate", "GET", () -> "/api/v1/slates/" + slate, null, null,
                foreignIs404(expect(200, Who.SECRETARIAT, Who.DEPARTMENT, Who.DEPUTY, Who.SCRUTINEER))));
        cases.add(new Case("updateSlate", "PUT", () -> "/api/v1/slates/" + slate, "application/json", () -> Map.of("title",
                "名单", "year", 2027, "seats", 10, "minSurplus", 2, "candidateIds", candidates.subList(0, 13)),
                foreignIs404(expect(200, Who.SECRETARIAT))));
        cases.add(new Case("reviewSlate", "POST", () -> "/api/v1/slates/" + t.as().body(Map.of("title", "名单", "year", 2027,
                "seats", 10, "minSurplus", 2, "candidateIds", candidates.subList(0, 12))).post(c + "/slates").path("id") + "/review",
                "application/json", () -> Map.of("body", "常委会", "date", "2026-12-20"), foreignIs404(expect(200, Who.SECRETARIAT))));
        cases.add(new Case("publishSlate", "POST", () -> "/api/v1/slates/" + slate + "/publish", null, null,
                foreignIs404(expect(409, Who.SECRETARIAT))));
        // rule sets (票决办法): the secretariat's; the public reads only an adopted one (a draft is 404 to all)
        Supplier<Object> ruleSetBody = () -> Map.of("name", Api.unique("办法"), "kind", "SELECTION", "text", "第一条", "rules", Map.of());
        String ruleSet = t.as().body(ruleSetBody.get()).post(c + "/rule-sets").then().statusCode(201).extract().path("id");
        cases.add(new Case("createRuleSet", "POST", () -> c + "/rule-sets", "application/json", ruleSetBody, expect(201, Who.SECRETARIAT)));
        cases.add(new Case("listRuleSets", "GET", () -> c + "/rule-sets", null, null, expect(200, Who.SECRETARIAT)));
        cases.add(new Case("getRuleSet", "GET", () -> "/api/v1/rule-sets/" + ruleSet, null, null, foreignIs404(expect(200, Who.SECRETARIAT))));
        cases.add(new Case("updateRuleSet", "PUT", () -> "/api/v1/rule-sets/" + ruleSet, "application/json", ruleSetBody,
                foreignIs404(expect(200, Who.SECRETARIAT))));
        cases.add(new Case("publicRuleSet", "GET", () -> "/api/v1/public/congresses/" + t.code() + "/rule-sets/" + ruleSet, null, null,
                all(404)));
        // session day: a session whose seated are the two deputies made above, both present
        String session = newSession(t, true);
        t.as().body(Map.of("deputyId", ownDeputyId)).post("/api/v1/sessions/" + session + "/attendance").then().statusCode(200);
        t.as().body(Map.of("deputyId", otherDeputyId)).post("/api/v1/sessions/" + session + "/attendance").then().statusCode(200);
        Map<String, Object> ballotBody = Map.of("title", "矩阵票决", "kind", "SELECTION", "seats", 10, "minSurplus", 2,
                "itemIds", candidates.subList(0, 12), "channels", List.of("ELECTRONIC", "PAPER"));
        Supplier<String> draftBallot = () -> t.as().body(ballotBody).post("/api/v1/sessions/" + session + "/ballots").then()
                .statusCode(201).extract().path("id");
        Supplier<String> openBallot = () -> {
            String id = draftBallot.get();
            t.as().post("/api/v1/ballots/" + id + "/open").then().statusCode(200);
            return id;
        };
        Supplier<String> closedBallot = () -> {
            String id = openBallot.get();
            t.as().post("/api/v1/ballots/" + id + "/close").then().statusCode(200);
            return id;
        };
        String closed = closedBallot.get();
        cases.add(new Case("createSession", "POST", () -> c + "/sessions", "application/json", () -> Map.of("name", "会议",
                "kind", "STANDING_COMMITTEE", "startsOn", "2027-01-01", "endsOn", "2027-01-02"), expect(201, Who.SECRETARIAT)));
        cases.add(new Case("listSessions", "GET", () -> c + "/sessions", null, null,
                expect(200, Who.SECRETARIAT, Who.DEPUTY, Who.SCRUTINEER, Who.DEPARTMENT, Who.PROJECTOR)));
        cases.add(new Case("getSession", "GET", () -> "/api/v1/sessions/" + session, null, null,
                foreignIs404(expect(200, Who.SECRETARIAT, Who.DEPUTY, Who.SCRUTINEER, Who.DEPARTMENT, Who.PROJECTOR))));
        cases.add(new Case("openSession", "POST", () -> "/api/v1/sessions/" + newSession(t, false) + "/open", null, null,
                foreignIs404(expect(200, Who.SECRETARIAT))));
        cases.add(new Case("closeSession", "POST", () -> "/api/v1/sessions/" + newSession(t, true) + "/close", null, null,
                foreignIs404(expect(200, Who.SECRETARIAT))));
        cases.add(new Case("checkIn", "POST", () -> "/api/v1/sessions/" + session + "/attendance", "application/json",
                () -> Map.of("deputyId", ownDeputyId), foreignIs404(expect(200, Who.SECRETARIAT, Who.DEPUTY))));
        cases.add(new Case("getAttendance", "GET", () -> "/api/v1/sessions/" + session + "/attendance", null, null,
                foreignIs404(expect(200, Who.SECRETARIAT, Who.DEPUTY, Who.SCRUTINEER, Who.PROJECTOR))));
        cases.add(new Case("createBallot", "POST", () -> "/api/v1/sessions/" + session + "/ballots", "application/json",
                () -> ballotBody, foreignIs404(expect(201, Who.SECRETARIAT))));
        cases.add(new Case("listBallots", "GET", () -> "/api/v1/sessions/" + session + "/ballots", null, null,
                foreignIs404(expect(200, Who.SECRETARIAT, Who.DEPUTY, Who.SCRUTINEER, Who.PROJECTOR))));
        cases.add(new Case("getBallot", "GET", () -> "/api/v1/ballots/" + closed, null, null,
                foreignIs404(expect(200, Who.SECRETARIAT, Who.DEPUTY, Who.SCRUTINEER, Who.PROJECTOR))));
        cases.add(new Case("updateBallot", "PUT", () -> "/api/v1/ballots/" + draftBallot.get(), "application/json",
                () -> ballotBody, foreignIs404(expect(200, Who.SECRETARIAT))));
        cases.add(new Case("openBallot", "POST", () -> "/api/v1/ballots/" + draftBallot.get() + "/open", null, null,
                foreignIs404(expect(200, Who.SECRETARIAT))));
        cases.add(new Case("castVote", "POST", () -> "/api/v1/ballots/" + openBallot.get() + "/votes", "application/json",
                () -> Map.of("marks", List.of(Map.of("itemId", candidate, "choice", "FOR"))), expect(201, Who.DEPUTY),
                Map.of("Idempotency-Key", "matrix-key-0000000001")));
        cases.add(new Case("recordPaperBallots", "POST", () -> "/api/v1/ballots/" + openBallot.get() + "/paper",
                "application/json", () -> Map.of("issued", 1, "ballots", List.of(Map.of("marks", List.of()))),
                expect(200, Who.SCRUTINEER)));
        cases.add(new Case("getTurnout", "GET", () -> "/api/v1/ballots/" + closed + "/turnout", null, null,
                foreignIs404(expect(200, Who.SECRETARIAT, Who.DEPUTY, Who.SCRUTINEER, Who.PROJECTOR))));
        cases.add(new Case("closeBallot", "POST", () -> "/api/v1/ballots/" + openBallot.get() + "/close", null, null,
                foreignIs404(expect(200, Who.SECRETARIAT))));
        cases.add(new Case("getBoard", "GET", () -> "/api/v1/ballots/" + closed + "/board", null, null, all(200)));
        cases.add(new Case("verifyReceipt", "GET", () -> "/api/v1/ballots/" + closed + "/board/" + "0".repeat(64), null, null,
                all(404)));
        // the sealed ballot box: a session of its own, so that its ceremony seals no other case's ballot
        String sealing = newSession(t, true);
        String cp = "/api/v1/sessions/" + sealing + "/ceremony";
        Map<String, Object> noProof = Map.of("c", "00", "v", "00");
        cases.add(new Case("getCeremony", "GET", () -> cp, null, null, foreignIs404(expect(404, Who.SECRETARIAT, Who.SCRUTINEER))));
        cases.add(new Case("startCeremony", "POST", () -> cp, "application/json", () -> Map.of(), expect(201, Who.SCRUTINEER)));
        cases.add(new Case("postCeremonyKey", "PUT", () -> cp + "/key", "application/json",
                () -> Map.of("commsKey", "02" + "00".repeat(32), "commsProof", noProof), expect(400, Who.SCRUTINEER)));
        cases.add(new Case("postCeremonyCommitments", "PUT", () -> cp + "/commitments", "application/json",
                () -> Map.of("commitments", List.of("02"), "coefficientProofs", List.of(noProof), "shares", List.of()),
                expect(409, Who.SCRUTINEER)));
        cases.add(new Case("getCeremonyShares", "GET", () -> cp + "/shares", null, null, expect(200, Who.SCRUTINEER)));
        cases.add(new Case("postCeremonyComplaint", "POST", () -> cp + "/complaints", "application/json",
                () -> Map.of("accused", 1, "shared", "02", "proof", noProof), expect(409, Who.SCRUTINEER)));
        cases.add(new Case("finishCeremony", "POST", () -> cp + "/done", null, null, expect(409, Who.SCRUTINEER)));
        cases.add(new Case("getSealContext", "GET", () -> "/api/v1/ballots/" + closed + "/seal", null, null,
                foreignIs404(expect(409, Who.SECRETARIAT, Who.DEPUTY, Who.SCRUTINEER, Who.PROJECTOR))));
        cases.add(new Case("postPartialDecryption", "POST", () -> "/api/v1/ballots/" + closed + "/partial-decryptions",
                "application/json", () -> Map.of("shares", List.of(List.of(Map.of("m", "02", "c", "00", "v", "00")))),
                expect(409, Who.SCRUTINEER)));
        cases.add(new Case("getSealedBoard", "GET", () -> "/api/v1/ballots/" + closed + "/sealed-board", null, null, all(409)));
        Map<Who, Integer> unpublished = foreignIs404(expect(200, Who.SECRETARIAT, Who.SCRUTINEER));
        cases.add(new Case("getResult", "GET", () -> "/api/v1/ballots/" + closed + "/result", null, null, unpublished));
        cases.add(new Case("getResultNotice", "GET", () -> "/api/v1/ballots/" + closed + "/result/notice.pdf", null, null,
                unpublished));
        cases.add(new Case("countersignResult", "POST", () -> "/api/v1/ballots/" + closedBallot.get() + "/result/countersign",
                null, null, expect(200, Who.SCRUTINEER)));
        cases.add(new Case("recordChairDecision", "POST", () -> "/api/v1/ballots/" + closed + "/result/chair-decision",
                "application/json", () -> Map.of("selectedItemIds", List.of(candidate), "reason", "矩阵"),
                foreignIs404(expect(409, Who.SECRETARIAT))));
        cases.add(new Case("publishResult", "POST", () -> "/api/v1/ballots/" + closed + "/result/publish", null, null,
                foreignIs404(expect(409, Who.SECRETARIAT))));
        cases.add(new Case("publicResults", "GET", () -> "/api/v1/public/congresses/" + t.code() + "/results", null, null,
                all(200)));
        // delivery: projects from a published selection (one deputy votes; the threshold is of valid ballots)
        Map<String, Object> selectionBody = new java.util.HashMap<>(ballotBody);
        selectionBody.put("threshold", Map.of("fraction", "1/2", "base", "VALID_BALLOTS"));
        String selection = t.as().body(selectionBody).post("/api/v1/sessions/" + session + "/ballots").then().statusCode(201)
                .extract().path("id");
        t.as().post("/api/v1/ballots/" + selection + "/open").then().statusCode(200);
        Api.cast(tokens.get(Who.DEPUTY), selection, Api.ticks(candidates.subList(0, 10))).then().statusCode(201);
        t.as().post("/api/v1/ballots/" + selection + "/close").then().statusCode(200);
        Api.as(tokens.get(Who.SCRUTINEER)).post("/api/v1/ballots/" + selection + "/result/countersign").then().statusCode(200);
        Api.as(Api.account(t, "scrutineer")).post("/api/v1/ballots/" + selection + "/result/countersign").then().statusCode(200);
        t.as().post("/api/v1/ballots/" + selection + "/result/publish").then().statusCode(200);
        List<Map<String, Object>> projects = given().get("/api/v1/public/congresses/" + t.code() + "/projects").path("");
        String project = (String) projects.stream().filter(x -> "城区老旧小区改造".equals(x.get("title"))).findFirst().orElseThrow().get("id");
        String crossYear = (String) projects.stream().filter(x -> "中小学校舍改扩建".equals(x.get("title"))).findFirst().orElseThrow()
                .get("id");
        String pp = "/api/v1/projects/" + project;
        t.as().body(Map.of("deputyIds", List.of(ownDeputyId))).put(pp + "/supervisors").then().statusCode(200);
        String milestone = Api.as(tokens.get(Who.DEPARTMENT)).body(Map.of("title", "节点", "dueOn", "2030-01-01"))
                .post(pp + "/milestones").then().statusCode(201).extract().path("id");
        byte[] png = { (byte) 0x89, 'P', 'N', 'G', 1 };
        String evidence = Api.as(tokens.get(Who.DEPARTMENT)).contentType("image/png").body(png).post(pp + "/evidence").then()
                .statusCode(201).extract().path("id");
        Supplier<String> openIssue = () -> Api.as(tokens.get(Who.DEPUTY)).body(Map.of("title", "问题", "description", "描述"))
                .post(pp + "/issues").then().statusCode(201).extract().path("id");
        Supplier<String> answeredIssue = () -> {
            String id = openIssue.get();
            Api.as(tokens.get(Who.DEPARTMENT)).body(Map.of("answer", "已整改")).post(pp + "/issues/" + id + "/answer").then()
                    .statusCode(200);
            return id;
        };
        Map<String, Object> planBody = Map.of("leadOfficial", "副县长", "startsOn", "2027-01-01", "endsOn", "2027-12-31");
        cases.add(new Case("listProjects", "GET", () -> "/api/v1/public/congresses/" + t.code() + "/projects", null, null, all(200)));
        cases.add(new Case("getProject", "GET", () -> "/api/v1/public/projects/" + project, null, null, all(200)));
        cases.add(new Case("getEvidence", "GET", () -> "/api/v1/public/evidence/" + evidence, null, null, all(200)));
        cases.add(new Case("getDashboard", "GET", () -> c + "/dashboard", null, null,
                expect(200, Who.SECRETARIAT, Who.DEPARTMENT, Who.DEPUTY)));
        cases.add(new Case("exportDashboard", "GET", () -> c + "/dashboard/export", null, null, expect(200, Who.SECRETARIAT)));
        cases.add(new Case("updatePlan", "PUT", () -> pp + "/plan", "application/json", () -> planBody,
                foreignIs404(expect(200, Who.SECRETARIAT, Who.DEPARTMENT))));
        cases.add(new Case("addSubproject", "POST", () -> pp + "/subprojects", "application/json", () -> Map.of("title", "子项"),
                foreignIs404(expect(201, Who.SECRETARIAT, Who.DEPARTMENT))));
        cases.add(new Case("addMilestone", "POST", () -> pp + "/milestones", "application/json",
                () -> Map.of("title", "节点", "dueOn", "2030-01-01"), expect(201, Who.DEPARTMENT)));
        cases.add(new Case("reportProgress", "POST", () -> pp + "/milestones/" + milestone + "/progress", "application/json",
                () -> Map.of("percent", 10), expect(200, Who.DEPARTMENT)));
        cases.add(new Case("uploadEvidence", "POST", () -> pp + "/evidence", "image/png", () -> png,
                expect(201, Who.DEPARTMENT, Who.DEPUTY)));
        cases.add(new Case("closeProject", "POST", () -> pp + "/close", null, null, foreignIs404(expect(409, Who.SECRETARIAT))));
        cases.add(new Case("carryOverProject", "POST", () -> "/api/v1/projects/" + crossYear + "/carry-over", null, null,
                foreignIs404(expect(201, Who.SECRETARIAT))));
        cases.add(new Case("setSupervisionGroup", "PUT", () -> pp + "/supervisors", "application/json",
                () -> Map.of("deputyIds", List.of(ownDeputyId)), foreignIs404(expect(200, Who.SECRETARIAT))));
        cases.add(new Case("getSupervisionGroup", "GET", () -> pp + "/supervisors", null, null,
                foreignIs404(expect(200, Who.SECRETARIAT, Who.DEPUTY))));
        cases.add(new Case("createInspection", "POST", () -> pp + "/inspections", "application/json",
                () -> Map.of("inspectedOn", "2027-05-01", "participants", List.of(ownDeputyId), "findings", "视察发现"),
                expect(201, Who.DEPUTY)));
        cases.add(new Case("raiseIssue", "POST", () -> pp + "/issues", "application/json",
                () -> Map.of("title", "问题", "description", "描述"), expect(201, Who.DEPUTY)));
        cases.add(new Case("answerIssue", "POST", () -> pp + "/issues/" + openIssue.get() + "/answer", "application/json",
                () -> Map.of("answer", "已整改"), expect(200, Who.DEPARTMENT)));
        cases.add(new Case("closeIssue", "POST", () -> pp + "/issues/" + answeredIssue.get() + "/close", "application/json",
                () -> Map.of("note", "销号"), expect(200, Who.DEPUTY)));
        cases.add(new Case("reopenIssue", "POST", () -> pp + "/issues/" + answeredIssue.get() + "/reopen", "application/json",
                () -> Map.of("note", "未整改到位"), expect(200, Who.DEPUTY)));
        cases.add(new Case("recordDecision", "POST", () -> pp + "/decisions", "application/json", () -> Map.of("kind", "CHANGE",
                "body", "常委会", "decidedOn", "2027-03-01", "summary", "调整建设内容"), foreignIs404(expect(201, Who.SECRETARIAT))));
        cases.add(new Case("whoAmI", "GET", () -> "/api/v1/me", null, null,
                expect(200, Who.ADMIN, Who.SECRETARIAT, Who.DEPUTY, Who.SCRUTINEER, Who.DEPARTMENT, Who.PROJECTOR,
                        Who.FOREIGN_SECRETARIAT)));

        List<String> failures = new ArrayList<>();
        for (Case k : cases) {
            for (Who who : Who.values()) {
                RequestSpecification request = given().headers(k.headers());
                if (who != Who.ANONYMOUS) {
                    request.header("Authorization", "Bearer " + tokens.get(who));
                }
                if (k.contentType() != null) {
                    Object body = k.body().get();
                    request.contentType(k.contentType());
                    if (body instanceof byte[] bytes) {
                        request.config(io.restassured.RestAssured.config().encoderConfig(io.restassured.config.EncoderConfig
                                .encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)));
                        request.body(bytes);
                    } else {
                        request.body(body);
                    }
                }
                Response response = request.request(k.method(), k.path().get());
                int expected = k.expected().get(who);
                if (response.statusCode() != expected) {
                    failures.add(k.operationId() + " as " + who + ": expected " + expected + ", got " + response.statusCode()
                            + " " + response.asString());
                } else if (expected >= 400) {
                    assertEquals("application/problem+json", response.contentType(), k.operationId() + " as " + who);
                }
            }
        }
        assertTrue(failures.isEmpty(), String.join("\n", failures));

        Set<String> covered = new TreeSet<>(PUBLIC);
        covered.addAll(ELSEWHERE);
        cases.forEach(k -> covered.add(k.operationId()));
        assertEquals(operationIds(), covered, "every operation of the contract is in the matrix");
    }

    /** The expected status for the roles given; 401 without a token, 404 for another congress, 403 for the rest. */
    private static Map<Who, Integer> expect(int ok, Who... allowed) {
        Map<Who, Integer> m = new LinkedHashMap<>();
        for (Who w : Who.values()) {
            m.put(w, 403);
        }
        m.put(Who.ANONYMOUS, 401);
        Set<Who> allowedSet = Set.of(allowed);
        for (Who w : allowed) {
            m.put(w, ok);
        }
        if (!allowedSet.contains(Who.FOREIGN_SECRETARIAT) && allowedSet.contains(Who.SECRETARIAT)) {
            m.put(Who.FOREIGN_SECRETARIAT, 404);
        }
        return m;
    }

    private static Map<Who, Integer> all(int status) {
        Map<Who, Integer> m = new LinkedHashMap<>();
        for (Who w : Who.values()) {
            m.put(w, status);
        }
        return m;
    }

    /** A session whose seated are the deputies that exist now; opened if asked. */
    private static String newSession(Tenant t, boolean open) {
        String id = t.as().body(Map.of("name", "矩阵会议", "kind", "PLENARY", "startsOn", "2027-01-10", "endsOn", "2027-01-12"))
                .post("/api/v1/congresses/" + t.congressId() + "/sessions").then().statusCode(201).extract().path("id");
        if (open) {
            t.as().post("/api/v1/sessions/" + id + "/open").then().statusCode(200);
        }
        return id;
    }

    /** For operations on a row found by its own id, another congress's secretariat also gets 404. */
    private static Map<Who, Integer> foreignIs404(Map<Who, Integer> m) {
        m.put(Who.FOREIGN_SECRETARIAT, 404);
        return m;
    }

    static Set<String> operationIds() {
        Map<String, Map<String, Map<String, Object>>> paths = given().accept(ContentType.JSON).get("/q/openapi?format=json")
                .then().statusCode(200).extract().path("paths");
        Set<String> ids = new TreeSet<>();
        paths.values().forEach(ops -> ops.values().forEach(op -> {
            if (op.get("operationId") != null) {
                ids.add((String) op.get("operationId"));
            }
        }));
        return ids;
    }
}
