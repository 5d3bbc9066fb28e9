package cn.minsheng.ballot.congress;

import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.List;

import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;
import org.junit.jupiter.api.Test;

import cn.minsheng.ballot.support.Api;
import cn.minsheng.ballot.support.Api.Tenant;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

@QuarkusTest
class RosterImportTest {

    private static final String CSV = "text/csv";

    private static Response upload(Tenant t, byte[] file, String contentType, boolean logins) {
        return Api.upload(t.secretariat(), "/api/v1/congresses/" + t.congressId() + "/deputies/import?createLogins=" + logins,
                file, contentType);
    }

    private static byte[] fixture(String name) throws IOException {
        try (InputStream in = RosterImportTest.class.getResourceAsStream("/fixtures/" + name)) {
            return in.readAllBytes();
        }
    }

    private static int rosterSize(Tenant t, String filter) {
        return t.as().get("/api/v1/congresses/" + t.congressId() + "/deputies?size=1" + filter).then().statusCode(200)
                .extract().path("total");
    }

    private static void rejected(Tenant t, String csv, int row, String column, String errorCode) {
        upload(t, csv.getBytes(StandardCharsets.UTF_8), CSV, false).then().statusCode(422)
                .contentType("application/problem+json").body("code", equalTo("IMPORT_REJECTED"))
                .body("errors.find { it.row == " + row + " }.code", equalTo(errorCode))
                .body("errors.find { it.row == " + row + " }.field", equalTo(column));
        assertEquals(0, rosterSize(t, ""), "nothing of a rejected file is stored");
    }

    @Test
    void theSharedCountyRosterImportsWithItsStatuses() throws IOException {
        Tenant t = Api.tenant();
        upload(t, fixture("roster-200.csv"), CSV, false).then().statusCode(201).body("imported", equalTo(200));
        assertEquals(200, rosterSize(t, ""));
        // the fixture's two 请假 rows are deputies in office: leave is recorded per session
        assertEquals(198, rosterSize(t, "&status=SEATED"));
        assertEquals(0, rosterSize(t, "&status=SUSPENDED"));
        assertEquals(2, rosterSize(t, "&status=TERMINATED"));
        t.as().get("/api/v1/congresses/" + t.congressId() + "/deputies?q=D0001").then()
                .body("items[0].name", equalTo("朱丽伟")).body("items[0].delegation", equalTo("城关镇代表团"))
                .body("items[0].statusLabel", equalTo("在册"));
    }

    @Test
    void gbkEncodedRosterKeepsItsChineseNames() throws IOException {
        Tenant utf8 = Api.tenant();
        Tenant gbk = Api.tenant();
        upload(utf8, fixture("roster-200.csv"), CSV, false).then().statusCode(201);
        upload(gbk, fixture("roster-200.gbk.csv"), CSV, false).then().statusCode(201).body("imported", equalTo(200));
        List<String> a = utf8.as().get("/api/v1/congresses/" + utf8.congressId() + "/deputies?size=500").path("items.name");
        List<String> b = gbk.as().get("/api/v1/congresses/" + gbk.congressId() + "/deputies?size=500").path("items.name");
        assertEquals(a, b);
        assertEquals(200, b.size());
        // and a GBK file that declares its charset
        Tenant declared = Api.tenant();
        upload(declared, fixture("roster-200.gbk.csv"), "text/csv; charset=GBK", false).then().statusCode(201);
        assertEquals(b, declared.as().get("/api/v1/congresses/" + declared.congressId() + "/deputies?size=500").path("items.name"));
    }

    @Test
    void fiveHundredRowsInOneRequest() {
        Tenant t = Api.tenant();
        StringBuilder csv = new StringBuilder("code,name,delegation,district,status\n");
        for (int i = 1; i <= 500; i++) {
            csv.append(String.format("P%04d,代表%d,第%d代表团,第%d选区,%s%n", i, i, i % 12, i % 40, i % 50 == 0 ? "SUSPENDED" : "SEATED"));
        }
        upload(t, csv.toString().getBytes(StandardCharsets.UTF_8), CSV, false).then().statusCode(201).body("imported", equalTo(500));
        assertEquals(500, rosterSize(t, ""));
        assertEquals(10, rosterSize(t, "&status=SUSPENDED"));
    }

    @Test
    void loginsCreatedOnImportWork() {
        Tenant t = Api.tenant();
        String csv = "编号,姓名,代表团,选区,状态\nA1,张三,城关镇代表团,第1选区,在册\nA2,李四,城关镇代表团,第2选区,请假\n";
        Response r = upload(t, csv.getBytes(StandardCharsets.UTF_8), CSV, true);
        r.then().statusCode(201).body("logins", hasSize(2)).body("logins.username", hasItem("A2"));
        String password = r.path("logins.find { it.username == 'A1' }.initialPassword");
        String token = Api.login(t.code(), "A1", password);
        String deputyId = Api.as(token).get("/api/v1/me").then().body("roles", hasItem("deputy")).extract().path("deputyId");
        Api.as(token).get("/api/v1/congresses/" + t.congressId() + "/deputies/" + deputyId).then().statusCode(200)
                .body("name", equalTo("张三"));
    }

    @Test
    void xlsxWithAChineseHeader() throws IOException {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (Workbook wb = new Workbook(out, "test", "1.0")) {
            Worksheet ws = wb.newWorksheet("名册");
            String[][] rows = { { "编号", "姓名", "代表团", "选区", "状态" }, { "X1", "王五", "南关代表团", "第3选区", "在册" },
                    { "X2", "赵六", "南关代表团", "第4选区", "终止" } };
            for (int r = 0; r < rows.length; r++) {
                for (int c = 0; c < rows[r].length; c++) {
                    ws.value(r, c, rows[r][c]);
                }
            }
        }
        Tenant t = Api.tenant();
        upload(t, out.toByteArray(), "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet", false)
                .then().statusCode(201).body("imported", equalTo(2));
        assertEquals(1, rosterSize(t, "&status=TERMINATED"));
    }

    @Test
    void aMissingColumnRejectsTheFileAtTheHeader() {
        rejected(Api.tenant(), "编号,代表团\nA1,城关镇代表团\n", 1, "姓名", "import.missingColumn");
    }

    @Test
    void duplicatesWithinTheFileAndAgainstTheRoster() {
        Tenant t = Api.tenant();
        rejected(t, "编号,姓名\nA1,张三\nA2,李四\na1,王五\n", 4, "编号", "import.duplicateInFile");
        upload(t, "编号,姓名\nA1,张三\n".getBytes(StandardCharsets.UTF_8), CSV, false).then().statusCode(201);
        upload(t, "编号,姓名\nA2,李四\nA1,张三\n".getBytes(StandardCharsets.UTF_8), CSV, false).then().statusCode(422)
                .body("errors", hasSize(1)).body("errors[0].row", equalTo(3)).body("errors[0].code", equalTo("import.exists"));
        assertEquals(1, rosterSize(t, ""));
    }

    @Test
    void anUnknownStatusIsReportedWithItsRowAndColumnInTheCallersLanguage() {
        Tenant t = Api.tenant();
        rejected(t, "编号,姓名,状态\nA1,张三,在册\nA2,李四,出差\n", 3, "状态", "import.badStatus");
        io.restassured.RestAssured.given().header("Authorization", "Bearer " + t.secretariat()).header("Accept-Language", "en")
                .contentType("text/csv; charset=UTF-8").body("code,name,status\nA1,Zhang,away\n")
                .post("/api/v1/congresses/" + t.congressId() + "/deputies/import").then().statusCode(422)
                .body("detail", equalTo("Import rejected: the file has 1 errors; nothing was imported."))
                .body("errors[0].message", equalTo("unknown status \"away\"; expected SEATED, SUSPENDED or TERMINATED"));
    }

    @Test
    void malformedRowsAreReportedNotGuessed() {
        Tenant t = Api.tenant();
        rejected(t, "编号,姓名\nA1,张三\nA2,\"李四\nA3,王五\n", 3, null, "import.malformed");
        rejected(t, "编号,姓名\nA1,张三,多余,列\n", 2, null, "import.columnCount");
        rejected(t, "编号,姓名\nA 1,张三\n", 2, "编号", "import.badCode");
        rejected(t, "编号,姓名\nA1,\n", 2, "姓名", "import.required");
        rejected(t, "编号,姓名\nA1," + "长".repeat(101) + "\n", 2, "姓名", "import.tooLong");
    }

    @Test
    void everyBadRowIsListedAtOnce() {
        Tenant t = Api.tenant();
        upload(t, "编号,姓名,状态\nA1,,在册\nA2,李四,出差\nA3,王五,在册\n".getBytes(StandardCharsets.UTF_8), CSV, false)
                .then().statusCode(422).body("errors.row", equalTo(List.of(2, 3)));
    }

    @Test
    void emptyFilesAndHeaderOnlyFiles() {
        Tenant t = Api.tenant();
        upload(t, new byte[0], CSV, false).then().statusCode(400).body("code", equalTo("EMPTY_FILE"));
        upload(t, "编号,姓名\n".getBytes(StandardCharsets.UTF_8), CSV, false).then().statusCode(400).body("code", equalTo("EMPTY_FILE"));
        upload(t, "\n\n".getBytes(StandardCharsets.UTF_8), CSV, false).then().statusCode(400).body("code", equalTo("EMPTY_FILE"));
        upload(t, "PK\u0003\u0004garbage".getBytes(StandardCharsets.ISO_8859_1), CSV, false).then().statusCode(400)
                .body("code", equalTo("UNREADABLE_FILE"));
        assertEquals(0, rosterSize(t, ""));
    }

    @Test
    void aTwentyMegabyteFileIsRefusedBeforeItIsRead() {
        Tenant t = Api.tenant();
        byte[] big = new byte[20 * 1024 * 1024];
        java.util.Arrays.fill(big, (byte) 'a');
        upload(t, big, CSV, false).then().statusCode(413).contentType("application/problem+json")
                .body("code", equalTo("PAYLOAD_TOO_LARGE"));
        assertEquals(0, rosterSize(t, ""));
    }

    @Test
    void anUnsupportedContentTypeIs415() {
        Tenant t = Api.tenant();
        upload(t, "x".getBytes(Charset.defaultCharset()), "image/png", false).then().statusCode(415)
                .contentType("application/problem+json").body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
        assertEquals(0, rosterSize(t, ""));
    }
}
