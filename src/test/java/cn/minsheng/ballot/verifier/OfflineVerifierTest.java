package cn.minsheng.ballot.verifier;

import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.minsheng.ballot.support.Api;
import cn.minsheng.ballot.support.Api.Hall;
import io.quarkus.test.junit.QuarkusTest;

/** The offline verifier, fed what the API exports, agrees with an honest service and catches every edit. */
@QuarkusTest
class OfflineVerifierTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void theChainAndTheRecountCheckOutAndEveryEditIsCaught() throws Exception {
        Hall hall = Api.hall(8, 8);
        var t = hall.tenant();
        List<String> c = Api.candidates15(t, Api.openWindow(t, 2027)).subList(0, 5);
        String ballot = Api.openBallot(hall, Map.of("title", "票决", "kind", "SELECTION", "seats", 3, "minSurplus", 2, "itemIds", c, "channels", List.of("ELECTRONIC", "PAPER")));
        for (int d = 0; d < 7; d++) {
            Api.cast(hall.deputy(d), ballot, Api.ticks(c.subList(d % 2, d % 2 + 3))).then().statusCode(201);
        }
        // 8 present: 7 on tablets, 1 on paper (a ninth ballot would be more ballots than voters: void)
        Api.as(hall.scrutineers().get(0)).body(Map.of("issued", 1, "totals", Map.of("returned", 1, "invalid", 0,
                "counts", Map.of(c.get(4), Map.of("FOR", 1))))).post("/api/v1/ballots/" + ballot + "/paper").then().statusCode(200);
        Api.closeAndPublish(hall, ballot);

        JsonNode chain = JSON.readTree(t.as().get("/api/v1/congresses/" + t.congressId() + "/audit/export").then().statusCode(200)
                .extract().asString());
        JsonNode board = JSON.readTree(given().get("/api/v1/ballots/" + ballot + "/board").asString());
        JsonNode result = JSON.readTree(given().get("/api/v1/ballots/" + ballot + "/result").asString());
        assertEquals(List.of(), OfflineVerifier.chain(chain));
        assertEquals(List.of(), OfflineVerifier.recount(board, result));

        ObjectNode edited = (ObjectNode) chain.deepCopy();
        ((ObjectNode) edited.get("entries").get(5)).put("details", "{\"forged\":true}");
        assertEquals(List.of("entry 6: content does not match its hash"), OfflineVerifier.chain(edited));
        ObjectNode dropped = (ObjectNode) chain.deepCopy();
        ((ArrayNode) dropped.get("entries")).remove(3);
        assertEquals(List.of("entry 4: missing or out of order (found 5)"), OfflineVerifier.chain(dropped));

        ObjectNode inflated = (ObjectNode) result.deepCopy();
        ((ObjectNode) inflated.get("figures").get("items").get(0)).put("forCount", 99);
        assertTrue(OfflineVerifier.recount(board, inflated).contains("item 1 FOR: recounted " + result.at("/figures/items/0/forCount")
                .asInt() + ", published 99"));
        ObjectNode lessBoard = (ObjectNode) board.deepCopy();
        ((ArrayNode) lessBoard.get("entries")).remove(0);
        assertTrue(OfflineVerifier.recount(lessBoard, result).stream().anyMatch(f -> f.startsWith("returned")));
        ObjectNode forgedMarks = (ObjectNode) board.deepCopy();
        ((ObjectNode) forgedMarks.get("entries").get(0).get("marks").get(0)).put("itemId", c.get(4));
        assertTrue(OfflineVerifier.recount(forgedMarks, result).stream().anyMatch(f -> f.contains("tracker does not match")));
    }
}
