package cn.minsheng.ballot.hardening;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.minsheng.ballot.support.Api;
import cn.minsheng.ballot.support.Api.Tenant;
import io.quarkus.test.junit.QuarkusTest;

/** Issue 17, item 2: what residents typed never reaches Excel as a formula. */
@QuarkusTest
class CsvFormulaTest {

    @Test
    void cellsThatExcelWouldEvaluateAreWrittenAsText() {
        Tenant t = Api.tenant();
        String window = Api.openWindow(t, 2027);
        String[] attacks = { "=HYPERLINK(\"http://evil.example\",\"点此\")", "+1+cmd|' /C calc'!A0", "-2+3", "@SUM(A1:A9)",
                "\tTAB=1+1", "\r=1+1" };
        for (String attack : attacks) {
            Api.as(t.secretariat()).body(Map.of("title", "公园改造" + Api.unique("p"), "summary", attack, "category", "CULTURE",
                    "location", attack, "contactName", "居民", "contactPhone", "13800000000"))
                    .post("/api/v1/solicitations/" + window + "/proposals").then().statusCode(201);
        }
        String csv = t.as().get("/api/v1/congresses/" + t.congressId() + "/proposals/export").then().statusCode(200).extract()
                .asString();
        for (String line : csv.split("\n")) {
            for (String cell : line.split(",")) {
                String bare = cell.startsWith("\"") ? cell.substring(1) : cell;
                assertFalse(!bare.isEmpty() && "=+@".indexOf(bare.charAt(0)) >= 0, "formula cell: " + cell + " in " + line);
                assertFalse(bare.startsWith("-2"), "formula cell: " + cell);
            }
        }
        assertTrue(csv.contains("'=HYPERLINK"), csv);
        assertTrue(csv.contains("'@SUM(A1:A9)"), csv);
        assertTrue(csv.contains("'-2+3"), csv);
        assertTrue(csv.contains("'\tTAB=1+1"), csv);
    }
}
