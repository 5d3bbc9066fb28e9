package cn.minsheng.ballot.support;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;

import org.junit.jupiter.api.Test;

/** The judge of the conformance filter: it passes what the contract allows and names what it does not. */
class ContractTest {

    private static final String SESSION = "/api/v1/sessions/0b5e8f2a-6d0c-4a47-9b1e-2f1f4f0e8a11";
    private static final String JSON = "application/json;charset=UTF-8";

    private static String session(String closedAt, String name, String status) {
        return """
                {"id":"0b5e8f2a-6d0c-4a47-9b1e-2f1f4f0e8a11","congressId":"7d1f0c52-1111-4a47-9b1e-2f1f4f0e8a11",
                 "name":%s,"kind":"PLENARY","startsOn":"2027-01-10","endsOn":"2027-01-13","quorumFraction":"2/3",
                 "quorumInclusive":true,"status":"%s","openedAt":"2027-01-10T01:00:00Z","closedAt":%s}"""
                .formatted(name, status, closedAt);
    }

    private static List<String> getSession(int status, String contentType, String body) {
        return Contract.checkedIn().violations("GET", SESSION, status, contentType, body);
    }

    @Test
    void aConformingAnswerPasses() {
        assertEquals(List.of(), getSession(200, JSON, session("null", "\"第三次会议\"", "OPEN")));
        assertEquals(List.of(), getSession(200, JSON, session("\"2027-01-13T09:00:00Z\"", "\"第三次会议\"", "CLOSED")));
        assertEquals(List.of(), getSession(404, "application/problem+json", "{\"status\":404,\"code\":\"NOT_FOUND\",\"detail\":\"找不到\"}"));
    }

    @Test
    void aMissingRequiredFieldFails() {
        String body = session("null", "\"第三次会议\"", "OPEN").replace(",\"closedAt\":null", "");
        assertFinds(getSession(200, JSON, body), "closedAt");
    }

    @Test
    void aNullWhereTheContractForbidsItFails() {
        assertFinds(getSession(200, JSON, session("null", "null", "OPEN")), "name");
    }

    @Test
    void aValueOutsideItsEnumOrOfTheWrongTypeFails() {
        assertFinds(getSession(200, JSON, session("null", "\"第三次会议\"", "ADJOURNED")), "status");
        assertFinds(getSession(200, JSON, session("null", "42", "OPEN")), "name");
    }

    @Test
    void aPropertyTheContractDoesNotNameFails() {
        String body = session("null", "\"第三次会议\"", "OPEN").replace("\"kind\"", "\"chair\":\"张三\",\"kind\"");
        assertFinds(getSession(200, JSON, body), "chair");
    }

    @Test
    void aRequiredHeaderMustBeSent() {
        String path = "/api/v1/congresses";
        String congress = "{\"id\":\"7d1f0c52-1111-4a47-9b1e-2f1f4f0e8a11\",\"code\":\"c1\",\"name\":\"测试县人民代表大会\","
                + "\"level\":\"COUNTY\",\"levelLabel\":\"县级\",\"createdAt\":\"2026-12-01T00:00:00Z\"}";
        assertFinds(Contract.checkedIn().violations("POST", path, 201, JSON, congress, h -> null), "Location");
        assertEquals(List.of(), Contract.checkedIn().violations("POST", path, 201, JSON, congress,
                h -> h.equals("Location") ? "/api/v1/congresses/7d1f0c52-1111-4a47-9b1e-2f1f4f0e8a11" : null));
        assertFinds(Contract.checkedIn().violations("POST", "/api/v1/auth/login", 429, "application/problem+json",
                "{\"status\":429,\"code\":\"LOGIN_LOCKED\"}", h -> null), "Retry-After");
    }

    @Test
    void anUndocumentedStatusOrContentTypeFails() {
        String ok = session("null", "\"第三次会议\"", "OPEN");
        assertFinds(getSession(500, "application/problem+json", "{\"status\":500}"), "500 is not documented");
        assertFinds(getSession(202, JSON, ok), "202 is not documented");
        assertFinds(getSession(200, "text/html", "<html></html>"), "text/html is not documented");
        assertFinds(getSession(200, JSON, ""), "no body");
    }

    @Test
    void anAddressTheContractDoesNotKnowFailsUnlessRefused() {
        assertFinds(Contract.checkedIn().violations("GET", "/api/v1/nowhere", 200, JSON, "{}"), "no operation");
        assertEquals(List.of(), Contract.checkedIn().violations("GET", "/api/v1/nowhere", 404, "application/problem+json", "{}"));
    }

    @Test
    void aCastIsDocumentedAs201AndItsRetryAs200() {
        String path = "/api/v1/ballots/0b5e8f2a-6d0c-4a47-9b1e-2f1f4f0e8a11/votes";
        String receipt = "{\"ballotId\":\"0b5e8f2a-6d0c-4a47-9b1e-2f1f4f0e8a11\",\"tracker\":\"abc\",\"valid\":true,"
                + "\"invalidReason\":null,\"replayed\":false}";
        assertEquals(List.of(), Contract.checkedIn().violations("POST", path, 201, JSON, receipt));
        assertEquals(List.of(), Contract.checkedIn().violations("POST", path, 200, JSON, receipt.replace("\"replayed\":false", "\"replayed\":true")));
        assertFinds(Contract.checkedIn().violations("POST", path, 201, JSON, "{}"), "tracker");
    }

    private static void assertFinds(List<String> violations, String fragment) {
        assertTrue(violations.stream().anyMatch(v -> v.contains(fragment)), "expected a violation naming " + fragment + ", got " + violations);
    }
}
