package cn.minsheng.ballot.result;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import cn.minsheng.ballot.support.Api;
import cn.minsheng.ballot.support.Api.Hall;
import io.quarkus.test.junit.QuarkusTest;

/** The result explains itself: each item's reason in words on the result API, the public result and the notice. */
@QuarkusTest
class ResultReasonsTest {

    @Test
    void aTieDrawnByLotIsExplainedWithItsSeedAndDrawOrderAndPrinted() throws Exception {
        Hall hall = Api.hall(6, 6);
        var t = hall.tenant();
        List<String> c = Api.candidates15(t, Api.openWindow(t, 2027)).subList(0, 3);
        String ballot = Api.openBallot(hall, Map.of("title", "抽签票决", "kind", "SELECTION", "seats", 1, "minSurplus", 1,
                "itemIds", c, "tiePolicy", "LOT", "maxMarks", 2));
        for (int i = 0; i < 6; i++) {
            Api.cast(hall.deputy(i), ballot, Api.ticks(i < 4 ? c.subList(0, 2) : List.of(c.get(2)))).then().statusCode(201);
        }
        var closed = t.as().post("/api/v1/ballots/" + ballot + "/close").then().statusCode(200)
                .body("figures.items[0].reason", containsString("赞成票 4 票"))
                .body("figures.items[0].reason", containsString("全体代表 6 人的二分之一（不含本数），即至少 4 票"))
                .body("figures.items[0].reason", containsString("排第 1 位"))
                .body("figures.items[2].reason", containsString("赞成票 2 票"))
                .body("figures.items[2].reason", containsString("未通过")).extract();
        long seed = ((Number) closed.path("figures.lot.seed")).longValue();
        String winner = closed.path("figures.lot.winners[0]");
        int w = c.indexOf(winner);
        String winnerReason = closed.path("figures.items[" + w + "].reason");
        assertTrue(winnerReason.contains("公开种子 " + seed) && winnerReason.contains("抽签顺序") && winnerReason.contains("中签")
                && winnerReason.endsWith("当选。"), winnerReason);
        String loserReason = closed.path("figures.items[" + (1 - w) + "].reason");
        assertTrue(loserReason.contains("未中签") && loserReason.contains("公开种子 " + seed), loserReason);

        String result = "/api/v1/ballots/" + ballot + "/result";
        for (String scrutineer : hall.scrutineers()) {
            Api.as(scrutineer).post(result + "/countersign").then().statusCode(200);
        }
        t.as().post(result + "/publish").then().statusCode(200);
        given().get(result).then().statusCode(200).body("figures.items[" + w + "].reason", equalTo(winnerReason));
        byte[] pdf = given().get(result + "/notice.pdf").then().statusCode(200).extract().asByteArray();
        try (var doc = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(doc).replaceAll("\\s+", "");
            assertTrue(text.contains(("公开种子" + seed)), text);
            assertTrue(text.contains("即至少4票"), text);
        }
    }
}
