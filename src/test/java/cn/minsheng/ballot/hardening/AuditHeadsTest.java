package cn.minsheng.ballot.hardening;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.minsheng.ballot.board.ChainHash;
import cn.minsheng.ballot.verifier.OfflineVerifier;
import cn.minsheng.ballot.support.Api;
import cn.minsheng.ballot.support.Api.Hall;
import io.quarkus.test.junit.QuarkusTest;

/**
 * Issue 17, item 4: a chain rewritten or cut behind a published head is consistent in itself, but no
 * longer reaches the head stamped on the result: the verifier, online and offline, says so and where.
 */
@QuarkusTest
class AuditHeadsTest {

    static final ObjectMapper JSON = new ObjectMapper();

    record Published(Hall hall, String ballot, String head, JsonNode heads) {
        String congress() {
            return hall.tenant().congressId();
        }
    }

    private static Published publish() {
        Hall hall = Api.hall(3, 3);
        var t = hall.tenant();
        List<String> c = Api.candidates15(t, Api.openWindow(t, 2027)).subList(0, 2);
        String ballot = Api.openBallot(hall, Map.of("title", "票决", "kind", "SELECTION", "seats", 1, "minSurplus", 1, "itemIds", c));
        Api.cast(hall.deputy(0), ballot, Api.ticks(c.subList(0, 1))).then().statusCode(201);
        Api.closeAndPublish(hall, ballot);
        t.as().body(Map.of("name", "会后新增代表")).post("/api/v1/congresses/" + t.congressId() + "/deputies").then().statusCode(201);
        String head = given().get("/api/v1/ballots/" + ballot + "/result").then().statusCode(200).extract().path("auditHead");
        JsonNode heads = JSON.valueToTree(given().get("/api/v1/public/congresses/" + t.code() + "/audit/heads").then()
                .statusCode(200).extract().as(Map.class));
        return new Published(hall, ballot, head, heads);
    }

    private static JsonNode export(Published p) {
        return JSON.valueToTree(p.hall().tenant().as().get("/api/v1/congresses/" + p.congress() + "/audit/export").then()
                .statusCode(200).extract().as(Map.class));
    }

    private static Connection owner() throws Exception {
        return DriverManager.getConnection(Api.config("quarkus.datasource.jdbc.url"), "minsheng_owner", "minsheng_owner");
    }

    private static long publicationSeq(JsonNode export, String ballot) {
        for (JsonNode e : export.get("entries")) {
            if (e.get("action").asText().equals("result.published") && e.get("subjectId").asText().equals(ballot)) {
                return e.get("seq").asLong();
            }
        }
        throw new AssertionError("no publication entry");
    }

    @Test
    void thePublicHeadsListTheStampedAndTheLatestHead() {
        Published p = publish();
        assertEquals(p.head(), p.heads().get("published").get(0).get("head").asText());
        assertEquals(p.ballot(), p.heads().get("published").get(0).get("ballotId").asText());
        JsonNode chain = export(p);
        JsonNode last = chain.get("entries").get(chain.get("entries").size() - 1);
        assertEquals(last.get("hash").asText(), p.heads().get("latest").get("head").asText());
        assertTrue(OfflineVerifier.chain(chain, Map.of(p.head(), "result")).isEmpty());
        p.hall().tenant().as().get("/api/v1/congresses/" + p.congress() + "/audit/verify").then().statusCode(200)
                .body("valid", equalTo(true)).body("unreachedHeads", hasSize(0));
    }

    @Test
    void aChainCutBehindAPublishedHeadWithItsHeadMovedBackIsReported() throws Exception {
        Published p = publish();
        JsonNode chain = export(p);
        long published = publicationSeq(chain, p.ballot());
        long keep = published - 1;
        String keptHash = chain.get("entries").get((int) keep - 1).get("hash").asText();
        try (Connection owner = owner()) {
            owner.createStatement().executeUpdate("DELETE FROM audit_entry WHERE chain_id = '" + p.congress() + "' AND seq > " + keep);
            owner.createStatement().executeUpdate("UPDATE audit_chain SET last_seq = " + keep + ", head_hash = '" + keptHash
                    + "' WHERE chain_id = '" + p.congress() + "'");
        }
        p.hall().tenant().as().get("/api/v1/congresses/" + p.congress() + "/audit/verify").then().statusCode(200)
                .body("valid", equalTo(false)).body("firstBrokenAt", equalTo((int) keep + 1))
                .body("unreachedHeads[0].ballotId", equalTo(p.ballot())).body("unreachedHeads[0].breaksAt", equalTo((int) keep + 1));
        List<String> offline = OfflineVerifier.chain(export(p), Map.of(p.head(), "the head stamped on the result"));
        assertFalse(offline.isEmpty());
        assertTrue(offline.get(0).contains("not in the chain"), offline.toString());
    }

    @Test
    void anEarlyEntryRewrittenWithEveryLaterHashRecomputedIsReported() throws Exception {
        Published p = publish();
        ObjectNode chain = (ObjectNode) export(p);
        ArrayNode entries = (ArrayNode) chain.get("entries");
        UUID chainId = UUID.fromString(chain.get("chainId").asText());
        String prev = ChainHash.GENESIS;
        for (JsonNode node : entries) {
            ObjectNode e = (ObjectNode) node;
            if (e.get("seq").asLong() == 2) {
                e.put("actor", "someone-else");
            }
            e.put("prevHash", prev);
            prev = ChainHash.of(prev, chainId, e.get("seq").asLong(), Instant.parse(e.get("at").asText()), e.get("actor").asText(),
                    e.get("action").asText(), e.get("subjectType").asText(), e.get("subjectId").asText(), e.get("details").asText());
            e.put("hash", prev);
        }
        try (Connection owner = owner();
                PreparedStatement update = owner.prepareStatement(
                        "UPDATE audit_entry SET actor = ?, prev_hash = ?, hash = ? WHERE chain_id = ? AND seq = ?")) {
            for (JsonNode e : entries) {
                update.setString(1, e.get("actor").asText());
                update.setString(2, e.get("prevHash").asText());
                update.setString(3, e.get("hash").asText());
                update.setObject(4, chainId);
                update.setLong(5, e.get("seq").asLong());
                update.executeUpdate();
            }
            owner.createStatement().executeUpdate("UPDATE audit_chain SET head_hash = '" + prev + "' WHERE chain_id = '" + chainId + "'");
        }
        // consistent in itself: without the published head nothing would show
        assertTrue(OfflineVerifier.chain(export(p)).isEmpty());
        long published = publicationSeq(chain, p.ballot());
        p.hall().tenant().as().get("/api/v1/congresses/" + p.congress() + "/audit/verify").then().statusCode(200)
                .body("valid", equalTo(false)).body("firstBrokenAt", equalTo((int) published))
                .body("unreachedHeads[0].head", equalTo(p.head()));
        assertFalse(OfflineVerifier.chain(export(p), OfflineVerifier.heads(new String[] { "chain", "x", p.head() })).isEmpty());
    }
}
