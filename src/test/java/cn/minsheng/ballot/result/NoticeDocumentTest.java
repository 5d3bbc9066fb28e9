package cn.minsheng.ballot.result;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.rendering.PDFRenderer;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.DecodeHintType;
import com.google.zxing.NotFoundException;
import com.google.zxing.RGBLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;

import cn.minsheng.ballot.support.Api;
import cn.minsheng.ballot.support.Api.Hall;
import cn.minsheng.ballot.tally.ChineseNumber;
import io.quarkus.test.junit.QuarkusTest;

/** The notice (公告) is an official document: each of its parts read back from the PDF, its QR code decoded. */
@QuarkusTest
class NoticeDocumentTest {

    @Test
    void thePublishedNoticeCarriesEveryPartAndTheNextNoticeOfTheSessionTheNextNumber() throws Exception {
        Hall hall = Api.hall(6, 6);
        var t = hall.tenant();
        List<String> c = Api.candidates15(t, Api.openWindow(t, 2027)).subList(0, 3);
        String ballot = Api.openBallot(hall, Map.of("title", "二〇二七年民生实事项目", "kind", "SELECTION", "seats", 2,
                "minSurplus", 1, "itemIds", c, "maxMarks", 2));
        for (int i = 0; i < 5; i++) {
            Api.cast(hall.deputy(i), ballot, Api.ticks(i < 4 ? c.subList(0, 2) : List.of(c.get(2)))).then().statusCode(201);
        }
        String result = "/api/v1/ballots/" + ballot + "/result";
        // before publication: a draft, without number
        t.as().post("/api/v1/ballots/" + ballot + "/close").then().statusCode(200);
        String draft = text(t.as().get(result + "/notice.pdf").then().statusCode(200).extract().asByteArray());
        assertTrue(draft.contains("草稿") && !draft.contains("第1号"), draft);
        for (String scrutineer : hall.scrutineers()) {
            Api.as(scrutineer).post(result + "/countersign").then().statusCode(200);
        }
        t.as().post(result + "/publish").then().statusCode(200);
        var published = given().get(result).then().statusCode(200).extract();
        assertEquals(1, (Integer) published.path("noticeNumber"));
        String auditHead = published.path("auditHead");
        Instant publishedAt = Instant.parse(published.path("publishedAt"));

        byte[] pdf = given().get(result + "/notice.pdf").then().statusCode(200).contentType("application/pdf").extract().asByteArray();
        java.nio.file.Files.write(java.nio.file.Path.of("target/notice-sample.pdf"), pdf); // to look at
        String text = text(pdf);
        String flat = text.replaceAll("\\s+", "");
        String issuer = "测试县第十八届人民代表大会第三次会议主席团";
        assertTrue(flat.startsWith(issuer + "公告第1号"), "issuing body, then the number: " + text);
        assertTrue(flat.contains("二〇二七年民生实事项目表决结果公告"), "title: " + text);
        assertTrue(flat.contains("应到6人，实到6人；发出选票6张，收回5张，其中有效票5张，无效票0张。"), "figures: " + text);
        assertTrue(flat.contains("现将表决结果公告如下"), "body: " + text);
        assertTrue(flat.contains("序号项目得票名次结果及理由"), "table header: " + text);
        // each row: position, label, FOR votes, rank, outcome in words and its reason
        List<Map<String, Object>> items = published.path("figures.items");
        for (Map<String, Object> i : items) {
            String row = i.get("position") + (String) i.get("label") + i.get("forCount") + "第" + i.get("rank") + "名"
                    + Map.of("SELECTED", "当选", "REJECTED", "未通过").get(i.get("outcome")) + "。" + i.get("reason");
            assertTrue(flat.contains(row.replaceAll("\\s+", "")), "row " + row + " in " + text);
        }
        assertEquals(List.of("SELECTED", "SELECTED", "REJECTED"), published.path("figures.items.outcome"));
        assertTrue(flat.contains("特此公告。" + issuer + ChineseNumber.date(publishedAt.atZone(ZoneId.of("Asia/Shanghai")).toLocalDate())),
                "issuer and date in Chinese numerals: " + text);
        assertTrue(flat.matches("(?s).*二〇\\S\\S年\\S{1,2}月\\S{1,3}日.*"), text);
        assertTrue(flat.contains("审计链哈希（公布时）：" + auditHead), "audit head: " + text);
        String url = qr(pdf);
        assertTrue(url.endsWith("/app/public/" + t.code() + "/board/" + ballot), url);
        assertTrue(url.startsWith(Api.config("minsheng.public.base-url")), url);
        assertTrue(flat.contains(url), "the address is printed beside the code: " + text);

        // the next published result of the session is 第2号; the first keeps its number
        String motion = Api.openBallot(hall, Map.of("title", "关于批准预算的决议", "kind", "MOTION", "motion", "批准本级预算"));
        String item = t.as().get("/api/v1/ballots/" + motion).path("items[0].id");
        for (int i = 0; i < 6; i++) {
            Api.cast(hall.deputy(i), motion, Map.of(item, i < 5 ? "FOR" : "AGAINST")).then().statusCode(201);
        }
        Api.closeAndPublish(hall, motion);
        given().get("/api/v1/ballots/" + motion + "/result").then().body("noticeNumber", org.hamcrest.Matchers.equalTo(2));
        String second = text(given().get("/api/v1/ballots/" + motion + "/result/notice.pdf").then().statusCode(200).extract()
                .asByteArray()).replaceAll("\\s+", "");
        assertTrue(second.startsWith(issuer + "公告第2号") && second.contains("赞成/反对/弃权") && second.contains("5/1/0"), second);
        assertTrue(second.contains("通过。"), second);
        assertTrue(text(given().get(result + "/notice.pdf").then().extract().asByteArray()).replaceAll("\\s+", "")
                .startsWith(issuer + "公告第1号"));
        assertFalse(second.contains("草稿"));
    }

    private static String text(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            assertTrue(doc.getPage(0).getResources().getFontNames().iterator().hasNext());
            doc.getPage(0).getResources().getFontNames().forEach(n -> {
                try {
                    assertTrue(doc.getPage(0).getResources().getFont(n).isEmbedded(), "the font is embedded");
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            return new PDFTextStripper().getText(doc);
        }
    }

    /** Renders each page and decodes the QR code found on one of them. */
    private static String qr(byte[] pdf) throws Exception {
        try (PDDocument doc = Loader.loadPDF(pdf)) {
            PDFRenderer renderer = new PDFRenderer(doc);
            for (int p = doc.getNumberOfPages() - 1; p >= 0; p--) {
                BufferedImage image = renderer.renderImageWithDPI(p, 200);
                int[] pixels = image.getRGB(0, 0, image.getWidth(), image.getHeight(), null, 0, image.getWidth());
                try {
                    return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                            new RGBLuminanceSource(image.getWidth(), image.getHeight(), pixels))),
                            Map.of(DecodeHintType.TRY_HARDER, Boolean.TRUE)).getText();
                } catch (NotFoundException e) {
                    // not on this page
                }
            }
        }
        throw new AssertionError("no QR code in the notice");
    }
}
