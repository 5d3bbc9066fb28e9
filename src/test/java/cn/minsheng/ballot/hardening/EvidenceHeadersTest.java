package cn.minsheng.ballot.hardening;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import cn.minsheng.ballot.support.Api;
import cn.minsheng.ballot.support.Api.Hall;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/** Issue 17, item 8: an uploaded PDF (which may carry JavaScript) is only ever downloaded; photos may show inline. */
@QuarkusTest
class EvidenceHeadersTest {

    @Test
    void aPdfIsServedAsAnAttachmentInASandboxAndNothingIsSniffed() {
        Hall hall = Api.hall(3, 3);
        var t = hall.tenant();
        List<String> c = Api.candidates15(t, Api.openWindow(t, 2027)).subList(0, 2);
        String ballot = Api.openBallot(hall, Map.of("title", "票决", "kind", "SELECTION", "seats", 1, "minSurplus", 1, "itemIds", c));
        for (int i = 0; i < 3; i++) {
            Api.cast(hall.deputy(i), ballot, Api.ticks(c.subList(0, 1))).then().statusCode(201);
        }
        Api.closeAndPublish(hall, ballot);
        List<Map<String, Object>> projects = given().get("/api/v1/public/congresses/" + t.code() + "/projects").path("");
        Map<String, Object> project = projects.get(0);
        String department = Api.department(t, (String) project.get("department"));
        String pp = "/api/v1/projects/" + project.get("id");
        byte[] pdf = "%PDF-1.4\n1 0 obj<</OpenAction<</S/JavaScript/JS(app.alert(1))>>>>endobj\n%%EOF".getBytes(StandardCharsets.US_ASCII);
        String pdfId = Api.as(department).contentType("application/pdf").body(pdf).post(pp + "/evidence").then().statusCode(201)
                .extract().path("id");
        byte[] png = { (byte) 0x89, 'P', 'N', 'G', 1 };
        String pngId = Api.as(department).contentType("image/png").body(png).post(pp + "/evidence").then().statusCode(201)
                .extract().path("id");

        Response document = given().get("/api/v1/public/evidence/" + pdfId);
        assertEquals(200, document.statusCode());
        assertTrue(document.header("Content-Disposition").startsWith("attachment"), document.header("Content-Disposition"));
        assertTrue(document.header("Content-Security-Policy").contains("sandbox"));
        assertEquals("nosniff", document.header("X-Content-Type-Options"));
        Response photo = given().get("/api/v1/public/evidence/" + pngId);
        assertTrue(photo.header("Content-Disposition").startsWith("inline"), photo.header("Content-Disposition"));
        assertEquals("nosniff", photo.header("X-Content-Type-Options"));
    }
}
