package cn.minsheng.ballot.support;

import static io.restassured.RestAssured.given;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import org.eclipse.microprofile.config.ConfigProvider;

import io.restassured.http.ContentType;
import io.restassured.specification.RequestSpecification;
import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;

/** Test data through the real API: congresses, accounts, deputies, tokens. One place for all builders. */
public final class Api {

    public static final String ADMIN_PASSWORD = "admin-test-only";
    public static final String PASSWORD = "correct-horse-42";
    private static final AtomicInteger SEQ = new AtomicInteger();

    private Api() {
    }

    /** A congress with a secretariat account, both created the way a real operator would. */
    public record Tenant(String congressId, String code, String secretariat) {
        public RequestSpecification as() {
            return Api.as(secretariat);
        }
    }

    public static String unique(String prefix) {
        return prefix + Long.toString(System.nanoTime() % 1_000_000_000L, 36) + SEQ.incrementAndGet();
    }

    public static RequestSpecification as(String token) {
        return given().header("Authorization", "Bearer " + token).contentType(ContentType.JSON);
    }

    /** Sends a file's bytes as they are: no charset is added to the content type behind the caller's back. */
    public static io.restassured.response.Response upload(String token, String path, byte[] file, String contentType) {
        return given().config(io.restassured.RestAssured.config().encoderConfig(io.restassured.config.EncoderConfig
                .encoderConfig().appendDefaultContentCharsetToContentTypeIfUndefined(false)))
                .header("Authorization", "Bearer " + token).contentType(contentType).body(file).post(path);
    }

    public static String admin() {
        return login(null, "admin", ADMIN_PASSWORD);
    }

    public static String login(String congressCode, String username, String password) {
        Map<String, Object> body = congressCode == null ? Map.of("username", username, "password", password)
                : Map.of("congressCode", congressCode, "username", username, "password", password);
        return given().contentType(ContentType.JSON).header("X-Forwarded-For", "198.51.100.1").body(body)
                .post("/api/v1/auth/login").then().statusCode(200).extract().path("accessToken");
    }

    public static Tenant tenant() {
        String admin = admin();
        String code = unique("c");
        String congressId = as(admin).body(Map.of("code", code, "name", "测试县人民代表大会 " + code, "level", "COUNTY"))
                .post("/api/v1/congresses").then().statusCode(201).extract().path("id");
        as(admin).body(Map.of("username", "sec", "password", PASSWORD, "role", "secretariat", "displayName", "大会秘书处"))
                .post("/api/v1/congresses/" + congressId + "/accounts").then().statusCode(201);
        return new Tenant(congressId, code, login(code, "sec", PASSWORD));
    }

    public static String deputy(Tenant t, String name) {
        return t.as().body(Map.of("name", name, "delegation", "城关镇代表团", "district", "第1选区"))
                .post("/api/v1/congresses/" + t.congressId() + "/deputies").then().statusCode(201).extract().path("id");
    }

    /** Creates an account of the role (a deputy gets a fresh deputy) and returns its token. */
    public static String account(Tenant t, String role) {
        return login(t.code(), accountName(t, role), PASSWORD);
    }

    /** Creates an account of the role with password {@link #PASSWORD} and returns its username. */
    public static String accountName(Tenant t, String role) {
        String username = unique(role.substring(0, 3));
        Map<String, Object> body = new java.util.HashMap<>(Map.of("username", username, "password", PASSWORD, "role", role));
        if (role.equals("deputy")) {
            body.put("deputyId", deputy(t, "代表" + username));
        }
        t.as().body(body).post("/api/v1/congresses/" + t.congressId() + "/accounts").then().statusCode(201);
        return username;
    }

    /** A solicitation window open from an hour ago for 30 days, for the projects of {@code year}. */
    public static String openWindow(Tenant t, int year) {
        Instant now = Instant.now();
        return t.as().body(Map.of("year", year, "title", year + "年民生实事项目征集", "notice", "欢迎提出建议",
                "opensAt", now.minus(Duration.ofHours(1)).toString(), "closesAt", now.plus(Duration.ofDays(30)).toString()))
                .post("/api/v1/congresses/" + t.congressId() + "/solicitations").then().statusCode(201).extract().path("id");
    }

    /** A proposal submitted by the secretariat and accepted in screening: returns the candidate id. */
    public static String candidate(Tenant t, String window, String title, String department, int budget, String category,
            int years) {
        String proposal = t.as().body(Map.of("title", title, "summary", title + "：项目概况", "category", category))
                .post("/api/v1/solicitations/" + window + "/proposals").then().statusCode(201).extract().path("id");
        Map<String, Object> screening = new java.util.HashMap<>(Map.of("decision", "ACCEPT", "department", department,
                "estimatedBudget", budget, "plannedYears", years));
        if (years > 1) {
            screening.put("stageTargets", java.util.stream.IntStream.rangeClosed(1, years).mapToObj(y -> "第" + y + "年目标").toList());
        }
        return t.as().body(screening).post("/api/v1/proposals/" + proposal + "/screening").then().statusCode(200)
                .extract().path("candidateId");
    }

    /** The 15 candidate projects of the shared fixture, in file order. */
    public static java.util.List<String> candidates15(Tenant t, String window) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        try (var in = Api.class.getResourceAsStream("/fixtures/candidates-15.csv")) {
            String text = new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8).replace("\uFEFF", "");
            for (String line : text.lines().skip(1).toList()) {
                String[] f = line.split(",");
                ids.add(candidate(t, window, f[0], f[1], Integer.parseInt(f[2]), f[3], Integer.parseInt(f[4].trim())));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return ids;
    }

    /**
     * A congress in session: {@code seated} deputies imported with logins, the session opened, the
     * first {@code present} of them checked in from their tablets, and two scrutineers (who, on the
     * {@link SealedPath sealed path}, hold the session's key ceremony).
     */
    public record Hall(Tenant tenant, String sessionId, java.util.List<String> deputies, java.util.List<String> deputyIds,
            java.util.List<String> scrutineers, java.util.List<String> usernames, java.util.List<String> passwords) {
        public String deputy(int i) {
            return deputies.get(i);
        }
    }

    public static Hall hall(int seated, int present) {
        Tenant t = tenant();
        StringBuilder csv = new StringBuilder("编号,姓名,代表团,选区,状态\n");
        for (int i = 1; i <= seated; i++) {
            csv.append(String.format("H%04d,代表%04d,第%d代表团,第%d选区,在册%n", i, i, i % 8 + 1, i % 30 + 1));
        }
        io.restassured.response.Response imported = upload(t.secretariat(), "/api/v1/congresses/" + t.congressId()
                + "/deputies/import?createLogins=true", csv.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8), "text/csv");
        imported.then().statusCode(201);
        java.util.List<String> passwords = imported.path("logins.initialPassword");
        java.util.List<String> usernames = imported.path("logins.username");
        String sessionId = t.as().body(Map.of("name", "第十八届人民代表大会第三次会议", "kind", "PLENARY", "startsOn", "2027-01-10",
                "endsOn", "2027-01-13")).post("/api/v1/congresses/" + t.congressId() + "/sessions").then().statusCode(201)
                .extract().path("id");
        t.as().post("/api/v1/sessions/" + sessionId + "/open").then().statusCode(200);
        java.util.List<String> tokens = new java.util.ArrayList<>();
        java.util.List<String> ids = new java.util.ArrayList<>();
        for (int i = 0; i < seated; i++) {
            String token = login(t.code(), usernames.get(i), passwords.get(i));
            tokens.add(token);
            ids.add(as(token).get("/api/v1/me").path("deputyId"));
            if (i < present) {
                as(token).body("{}").post("/api/v1/sessions/" + sessionId + "/attendance").then().statusCode(200);
            }
        }
        java.util.List<String> scrutineers = java.util.List.of(account(t, "scrutineer"), account(t, "scrutineer"));
        SealedPath.ceremony(sessionId, scrutineers); // only on the sealed path: the session's SECRET ballots then open sealed
        return new Hall(t, sessionId, tokens, ids, scrutineers, usernames, passwords);
    }

    /** A ballot with these rules created in the hall's session, and opened. */
    public static String openBallot(Hall hall, Map<String, Object> rules) {
        String id = hall.tenant().as().body(rules).post("/api/v1/sessions/" + hall.sessionId() + "/ballots").then()
                .statusCode(201).extract().path("id");
        hall.tenant().as().post("/api/v1/ballots/" + id + "/open").then().statusCode(200);
        return id;
    }

    /** Casts the given marks with a fresh Idempotency-Key. */
    public static io.restassured.response.Response cast(String token, String ballotId, Map<String, String> marks) {
        return cast(token, ballotId, marks, UUID.randomUUID().toString());
    }

    public static io.restassured.response.Response cast(String token, String ballotId, Map<String, String> marks, String key) {
        java.util.List<Map<String, String>> list = marks.entrySet().stream()
                .map(e -> Map.of("itemId", e.getKey(), "choice", e.getValue())).toList();
        return as(token).header("Idempotency-Key", key).body(Map.of("marks", list)).post("/api/v1/ballots/" + ballotId + "/votes");
    }

    /** Ticks (FOR) on the given items. */
    public static Map<String, String> ticks(java.util.Collection<String> items) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        items.forEach(i -> m.put(i, "FOR"));
        return m;
    }

    /** A department account of the given responsible unit (承办单位). */
    public static String department(Tenant t, String department) {
        String username = unique("dep");
        t.as().body(Map.of("username", username, "password", PASSWORD, "role", "department", "department", department))
                .post("/api/v1/congresses/" + t.congressId() + "/accounts").then().statusCode(201);
        return login(t.code(), username, PASSWORD);
    }

    /** Closes, countersigns (two scrutineers) and publishes a ballot's result. */
    public static void closeAndPublish(Hall hall, String ballotId) {
        hall.tenant().as().post("/api/v1/ballots/" + ballotId + "/close").then().statusCode(200);
        for (String scrutineer : hall.scrutineers()) {
            as(scrutineer).post("/api/v1/ballots/" + ballotId + "/result/countersign").then().statusCode(200);
        }
        hall.tenant().as().post("/api/v1/ballots/" + ballotId + "/result/publish").then().statusCode(200);
    }

    /**
     * The year's projects: in a hall of {@code deputies} (all present), the 15 standard candidates, a SELECTION of
     * {@code seats} where every deputy ticks the first {@code seats}, closed and published. The public project ids by title.
     */
    public static Map<String, String> selectedProjects(Hall hall, int seats) {
        Tenant t = hall.tenant();
        java.util.List<String> candidates = candidates15(t, openWindow(t, 2027));
        String ballot = openBallot(hall, Map.of("title", "2027年民生实事项目票决", "kind", "SELECTION", "seats", seats,
                "minSurplus", Math.min(2, 15 - seats), "itemIds", candidates));
        for (int d = 0; d < hall.deputies().size(); d++) {
            cast(hall.deputy(d), ballot, ticks(candidates.subList(0, seats))).then().statusCode(201);
        }
        closeAndPublish(hall, ballot);
        java.util.List<Map<String, Object>> projects = given()
                .get("/api/v1/public/congresses/" + t.code() + "/projects").then().statusCode(200).extract().path("");
        Map<String, String> byTitle = new java.util.LinkedHashMap<>();
        projects.forEach(p -> byTitle.put((String) p.get("title"), (String) p.get("id")));
        return byTitle;
    }

    /** A token signed with the service's own key, for tests that bend one claim at a time. */
    public static JwtClaimsBuilder claims(String role) {
        Instant now = Instant.now();
        return Jwt.issuer(config("minsheng.jwt.issuer")).audience(config("minsheng.jwt.audience"))
                .subject(UUID.randomUUID().toString()).upn("someone").groups(role)
                .issuedAt(now).expiresAt(now.plus(Duration.ofMinutes(5)));
    }

    public static String sign(JwtClaimsBuilder claims) {
        return claims.jws().keyId(config("minsheng.jwt.key-id")).sign();
    }

    public static String config(String key) {
        return ConfigProvider.getConfig().getValue(key, String.class);
    }
}
