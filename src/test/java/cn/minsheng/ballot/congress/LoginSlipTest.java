package cn.minsheng.ballot.congress;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.apache.pdfbox.Loader;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;

import cn.minsheng.ballot.support.Api;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;

/** printLoginSlips: a PDF whose one-time passwords sign the deputies in, once replaced by the next print. */
@QuarkusTest
class LoginSlipTest {

    private static final Pattern PASSWORD = Pattern.compile("一次性密码：(\\S+)");

    @Test
    void theSlipCarriesAPasswordThatSignsTheDeputyInAndAReprintReplacesIt() throws Exception {
        Api.Tenant t = Api.tenant();
        String wang = t.as().body(Map.of("code", "D001", "name", "王建国", "delegation", "城关镇代表团")).post(deputies(t))
                .then().statusCode(201).extract().path("id");
        String li = t.as().body(Map.of("code", "D002", "name", "李秀英", "status", "TERMINATED")).post(deputies(t))
                .then().statusCode(201).extract().path("id");

        String text = slips(t, Map.of("deputyIds", List.of(wang, li)));
        assertTrue(text.contains("王建国") && text.contains("D001") && text.contains("城关镇代表团"), text);
        assertTrue(text.contains("人大代码：" + t.code()), text);
        assertFalse(text.contains("李秀英"), "a terminated deputy gets no slip");
        String first = password(text, 1).get(0);
        Api.login(t.code(), "D001", first); // the login named after the code was created with that password

        String second = password(slips(t, Map.of()), 1).get(0); // every deputy not terminated: only 王建国
        assertFalse(first.equals(second));
        Api.login(t.code(), "D001", second);
        io.restassured.RestAssured.given().contentType(ContentType.JSON)
                .body(Map.of("congressCode", t.code(), "username", "D001", "password", first))
                .header("X-Forwarded-For", "198.51.100.7").post("/api/v1/auth/login").then().statusCode(401);

        assertTrue(Api.as(t.secretariat()).get("/api/v1/congresses/" + t.congressId() + "/audit").asString()
                .contains("deputy.login-slips"));
    }

    @Test
    void onlyTheSecretariatOfThatCongressPrintsSlips() {
        Api.Tenant t = Api.tenant();
        Api.Tenant other = Api.tenant();
        String stranger = Api.deputy(other, "外县代表");
        t.as().body(Map.of("deputyIds", List.of(stranger))).post(deputies(t) + "/login-slips").then().statusCode(404)
                .contentType("application/problem+json");
        Api.as(Api.account(t, "scrutineer")).body(Map.of()).post(deputies(t) + "/login-slips").then().statusCode(403);
        t.as().body(Map.of("deputyIds", List.of("not-a-uuid"))).post(deputies(t) + "/login-slips").then().statusCode(400);
    }

    private static String deputies(Api.Tenant t) {
        return "/api/v1/congresses/" + t.congressId() + "/deputies";
    }

    private static String slips(Api.Tenant t, Map<String, Object> body) throws Exception {
        byte[] pdf = t.as().body(body).post(deputies(t) + "/login-slips").then().statusCode(200)
                .contentType("application/pdf").extract().asByteArray();
        try (var doc = Loader.loadPDF(pdf)) {
            return new PDFTextStripper().getText(doc);
        }
    }

    private static List<String> password(String text, int expected) {
        Matcher m = PASSWORD.matcher(text);
        List<String> found = new java.util.ArrayList<>();
        while (m.find()) {
            found.add(m.group(1));
        }
        assertEquals(expected, found.size(), text);
        return found;
    }
}
