package cn.minsheng.ballot.sealing;

import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.databind.node.TextNode;

import cn.minsheng.ballot.board.BallotMarks;
import cn.minsheng.ballot.seal.Ceremony;
import cn.minsheng.ballot.seal.Context;
import cn.minsheng.ballot.seal.EncryptedShare;
import cn.minsheng.ballot.seal.EncryptedTotals;
import cn.minsheng.ballot.seal.PartialDecryption;
import cn.minsheng.ballot.seal.SealedBallot;
import cn.minsheng.ballot.seal.ShareBackup;
import cn.minsheng.ballot.seal.TrusteeKey;
import cn.minsheng.ballot.support.Api;
import cn.minsheng.ballot.support.Api.Hall;
import cn.minsheng.ballot.support.SealDevices;
import cn.minsheng.ballot.support.SealDevices.Device;
import cn.minsheng.ballot.tally.Choice;
import cn.minsheng.ballot.tally.Mark;
import cn.minsheng.ballot.verifier.OfflineVerifier;
import cn.minsheng.ballot.verifier.SealedBoard;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;

/**
 * The sealed ballot box through the real API, with the Java seal code playing the three scrutineers'
 * devices and the tablets: a key ceremony in which one scrutineer sends a bad share and is named, a
 * second ceremony that finishes, deputies casting sealed ballots (a cheat and a replay refused), one
 * paper ballot, close, one scrutineer cannot count alone, two of three decrypt, the board verifies
 * offline (and a tampered one does not), and a dump of the database holds no deputy's marks.
 */
@QuarkusTest
class SealedSessionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private static String ceremonyPath(Hall hall) {
        return SealDevices.ceremonyPath(hall.sessionId());
    }

    private static JsonNode json(Response r) {
        return SealDevices.json(r);
    }

    private static Map<String, String> proof(cn.minsheng.ballot.seal.DlogProof p) {
        return SealDevices.proof(p);
    }

    private static void postKeys(Hall hall, List<Device> devices) {
        SealDevices.postKeys(hall.sessionId(), devices);
    }

    private static void postCommitments(Hall hall, List<Device> devices, Device cheat, Device victim) {
        SealDevices.postCommitments(hall.sessionId(), devices, cheat, victim);
    }

    private static List<EncryptedShare> received(Hall hall, Device d) {
        return SealDevices.received(hall.sessionId(), d);
    }

    @Test
    void aSealedSessionFromCeremonyToVerifiedBoard() throws Exception {
        Hall hall = Api.hall(5, 5);
        var t = hall.tenant();
        List<Device> devices = new ArrayList<>();
        hall.scrutineers().forEach(s -> devices.add(new Device(s)));
        devices.add(new Device(Api.account(t, "scrutineer")));
        List<String> c = Api.candidates15(t, Api.openWindow(t, 2027)).subList(0, 4);
        Map<String, Object> rules = Map.of("title", "民生实事项目票决", "kind", "SELECTION", "seats", 2, "minSurplus", 1, "itemIds", c,
                "maxMarks", 2, "channels", List.of("ELECTRONIC", "PAPER"));

        // ---- ceremony 1: the third scrutineer sends the first a bad share, is named, and the ceremony fails
        Api.as(devices.get(0).token).body("{}").post(ceremonyPath(hall)).then().statusCode(201).body("k", equalTo(2))
                .body("n", equalTo(3)).body("status", equalTo("RUNNING")).body("missing", containsString("提交公钥"));
        Api.as(devices.get(1).token).body("{}").post(ceremonyPath(hall)).then().statusCode(409).body("code", equalTo("CEREMONY_EXISTS"));
        String early = Api.as(t.secretariat()).body(rules).post("/api/v1/sessions/" + hall.sessionId() + "/ballots").then()
                .statusCode(201).body("sealed", equalTo(false)).extract().path("id");
        Api.as(t.secretariat()).post("/api/v1/ballots/" + early + "/open").then().statusCode(409)
                .body("code", equalTo("CEREMONY_NOT_FINISHED")).body("detail", containsString("提交公钥"));
        postKeys(hall, devices.subList(0, 2));
        Api.as(devices.get(0).token).body(Map.of("commitments", List.of("02"), "coefficientProofs", List.of(Map.of("c", "00", "v", "00")),
                "shares", List.of())).put(ceremonyPath(hall) + "/commitments").then().statusCode(409)
                .body("code", equalTo("CEREMONY_KEYS_MISSING"));
        postKeys(hall, devices.subList(2, 3));
        Device cheat = devices.get(2);
        Device victim = devices.get(0);
        postCommitments(hall, devices, cheat, victim);
        Ceremony first = SealedBoard.readCeremony(json(Api.as(victim.token).get(ceremonyPath(hall))).get("record"));
        EncryptedShare bad = received(hall, victim).stream().filter(s -> s.sender() == cheat.index).findFirst().orElseThrow();
        assertNull(victim.trustee.open(first, bad), "the corrupted share does not open");
        var complaint = victim.trustee.complain(first, bad, RANDOM);
        Api.as(victim.token).body(Map.of("accused", cheat.index, "shared", SealedBoard.point(complaint.shared()), "proof",
                proof(complaint.proof()))).post(ceremonyPath(hall) + "/complaints").then().statusCode(200)
                .body("status", equalTo("FAILED")).body("complaints[0].atFault", equalTo(cheat.index))
                .body("complaints[0].verdict", containsString("有误")).body("missing", containsString("须重新举行"));

        // ---- ceremony 2: everyone honest; each device checks what it received and finishes
        Api.as(devices.get(1).token).body(Map.of("k", 2)).post(ceremonyPath(hall)).then().statusCode(201);
        postKeys(hall, devices);
        postCommitments(hall, devices, null, null);
        Ceremony ceremony = SealedBoard.readCeremony(json(Api.as(victim.token).get(ceremonyPath(hall))).get("record")).verified();
        for (Device d : devices) {
            d.key = d.trustee.finish(ceremony, received(hall, d));
            Api.as(d.token).post(ceremonyPath(hall) + "/done").then().statusCode(200);
        }
        Api.as(t.secretariat()).get(ceremonyPath(hall)).then().statusCode(200).body("status", equalTo("DONE"))
                .body("jointKey", equalTo(SealedBoard.point(ceremony.jointKey()))).body("missing", nullValue());
        // the second scrutineer keeps the key only in a backup, and restores it to decrypt
        String backup = ShareBackup.seal(devices.get(1).key, "监票人二号的口令短语", RANDOM);
        devices.get(1).key = ShareBackup.open(backup, "监票人二号的口令短语");

        // ---- the ballot opens sealed; tablets seal their ballots
        Api.as(t.secretariat()).post("/api/v1/ballots/" + early + "/open").then().statusCode(200).body("sealed", equalTo(true));
        String ballot = early;
        JsonNode sealContext = json(Api.as(hall.deputy(0)).get("/api/v1/ballots/" + ballot + "/seal").then().statusCode(200)
                .extract().response());
        Context ctx = new Context(SealedBoard.readCeremony(sealContext.get("ceremony")), ballot, SealedBoard.readLayout(sealContext.get("layout")));
        assertEquals(sealContext.get("contextHash").asText(), ctx.hashHex(), "the tablet recomputes the context hash");
        assertEquals(c, ctx.layout().items());

        Api.cast(hall.deputy(0), ballot, Api.ticks(c.subList(0, 2))).then().statusCode(400).body("code", equalTo("SEALED_BALLOT_REQUIRED"));
        List<Map<String, String>> marks = new ArrayList<>(List.of(marks(c.get(0), c.get(1)), marks(c.get(0), c.get(2)),
                marks(c.get(0), c.get(1)), marks(c.get(1))));
        List<String> encodings = new ArrayList<>();
        List<String> trackers = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            SealedBallot sb = SealedBallot.seal(ctx, "cast-" + UUID.randomUUID(), marks.get(i), RANDOM);
            String hex = HEX.formatHex(sb.encode());
            encodings.add(hex);
            trackers.add(sb.tracker());
        }
        String key0 = UUID.randomUUID().toString();
        // a cheat: one byte of a proof changed
        byte[] tampered = HEX.parseHex(encodings.get(0));
        tampered[tampered.length - 2] ^= 1;
        castSealed(hall.deputy(0), ballot, HEX.formatHex(tampered), UUID.randomUUID().toString()).then().statusCode(422)
                .body("code", equalTo("SEALED_BALLOT_INVALID"));
        castSealed(hall.deputy(0), ballot, encodings.get(0), key0).then().statusCode(201).body("tracker", equalTo(trackers.get(0)))
                .body("valid", equalTo(true));
        castSealed(hall.deputy(0), ballot, encodings.get(0), key0).then().statusCode(200).body("tracker", equalTo(trackers.get(0)));
        // a replay of another deputy's ballot is refused, and the deputy can still vote
        castSealed(hall.deputy(1), ballot, encodings.get(0), UUID.randomUUID().toString()).then().statusCode(422)
                .body("code", equalTo("SEALED_BALLOT_REPLAYED"));
        for (int i = 1; i < 4; i++) {
            castSealed(hall.deputy(i), ballot, encodings.get(i), UUID.randomUUID().toString()).then().statusCode(201)
                    .body("tracker", equalTo(trackers.get(i)));
        }
        // deputy 5 votes on paper, in the clear
        Api.as(devices.get(0).token).body(Map.of("issued", 1, "issuedTo", hall.deputyIds().subList(4, 5), "ballots",
                List.of(Map.of("marks", List.of(Map.of("itemId", c.get(2), "choice", "FOR"), Map.of("itemId", c.get(3), "choice", "FOR"))))))
                .post("/api/v1/ballots/" + ballot + "/paper").then().statusCode(200);

        // ---- close: the totals stay encrypted until k scrutineers decrypt
        t.as().post("/api/v1/ballots/" + ballot + "/close").then().statusCode(200).body("status", equalTo("AWAITING_DECRYPTION"))
                .body("figures", nullValue()).body("sealed.ballots", equalTo(4)).body("sealed.missing", containsString("还需 2 名"))
                .body("sealed.missing", containsString("无法计票"));
        t.as().post("/api/v1/ballots/" + ballot + "/result/publish").then().statusCode(409).body("code", equalTo("SEALED_NOT_DECRYPTED"));
        JsonNode before = json(Api.as(t.secretariat()).get("/api/v1/ballots/" + ballot + "/sealed-board").then().statusCode(200)
                .extract().response());
        EncryptedTotals totals = SealedBoard.readTotals(before.get("totals"));
        assertEquals(4, before.get("ballots").size());
        assertFalse(before.has("counts") && !before.get("counts").isNull(), "no counts before decryption");

        // one scrutineer alone cannot count; a partial made with the wrong key is refused
        postPartial(devices.get(0), ballot, PartialDecryption.of(ctx, devices.get(0).key, totals, RANDOM)).then().statusCode(200)
                .body("status", equalTo("AWAITING_DECRYPTION")).body("sealed.decryptedBy", equalTo(List.of(1)))
                .body("sealed.missing", containsString("还需 1 名"));
        TrusteeKey wrong = new TrusteeKey(devices.get(2).key.ceremonyId(), 2, 3, devices.get(2).key.index(), devices.get(0).key.share(),
                devices.get(2).key.commsSecret());
        postPartial(devices.get(2), ballot, PartialDecryption.of(ctx, wrong, totals, RANDOM)).then().statusCode(422)
                .body("code", equalTo("SEAL_PROOF_INVALID"));
        postPartial(devices.get(1), ballot, PartialDecryption.of(ctx, devices.get(1).key, totals, RANDOM)).then().statusCode(200)
                .body("status", equalTo("COUNTED")).body("figures.returned", equalTo(5)).body("figures.valid", equalTo(5))
                .body("figures.ballots.electronicReturned", equalTo(4)).body("figures.ballots.paperReturned", equalTo(1))
                .body("figures.items[0].forCount", equalTo(3)).body("figures.items[1].forCount", equalTo(3))
                .body("figures.items[2].forCount", equalTo(2)).body("figures.items[3].forCount", equalTo(1))
                .body("figures.voided", equalTo(false)).body("sealed.counted", equalTo(true));
        for (Device d : devices.subList(0, 2)) {
            Api.as(d.token).post("/api/v1/ballots/" + ballot + "/result/countersign").then().statusCode(200);
        }
        t.as().post("/api/v1/ballots/" + ballot + "/result/publish").then().statusCode(200).body("status", equalTo("PUBLISHED"));

        // ---- the board: a deputy finds their tracker; the offline verifier accepts it, and rejects any altered byte
        String boardText = Api.as(hall.deputy(3)).get("/api/v1/ballots/" + ballot + "/sealed-board").then().statusCode(200).extract().asString();
        JsonNode board = JSON.readTree(boardText);
        List<String> onBoard = new ArrayList<>();
        board.get("ballots").forEach(b -> onBoard.add(b.get("tracker").asText()));
        assertTrue(onBoard.containsAll(trackers), "every tracker is on the board");
        io.restassured.RestAssured.given().get("/api/v1/ballots/" + ballot + "/board/" + trackers.get(3)).then().statusCode(200)
                .body("channel", equalTo("ELECTRONIC")).body("tracker", equalTo(trackers.get(3)));
        assertEquals(List.of(), SealedBoard.check(board));
        assertEquals(0, verifyOffline(boardText), "OfflineVerifier sealed accepts the real board");
        assertEquals(1, verifyOffline(alter(board, "ballots", "encoding")), "an altered ciphertext or proof");
        assertEquals(1, verifyOffline(alter(board, "partials", null)), "an altered partial decryption");
        assertEquals(1, verifyOffline(alter(board, "totals", null)), "an altered total");

        // ---- a motion (FOR / AGAINST / ABSTAIN per item) is sealed too, and counted choice by choice
        String motion = Api.openBallot(hall, Map.of("title", "关于调整项目的决议", "kind", "MOTION", "motion", "同意调整"));
        JsonNode motionContext = json(Api.as(hall.deputy(0)).get("/api/v1/ballots/" + motion + "/seal").then().statusCode(200)
                .extract().response());
        Context mctx = new Context(SealedBoard.readCeremony(motionContext.get("ceremony")), motion,
                SealedBoard.readLayout(motionContext.get("layout")));
        String item = mctx.layout().items().get(0);
        List<String> votes = List.of("FOR", "AGAINST", "FOR", "ABSTAIN");
        for (int i = 0; i < votes.size(); i++) {
            SealedBallot sb = SealedBallot.seal(mctx, "cast-" + UUID.randomUUID(), Map.of(item, votes.get(i)), RANDOM);
            trackers.add(sb.tracker());
            castSealed(hall.deputy(i), motion, HEX.formatHex(sb.encode()), UUID.randomUUID().toString()).then().statusCode(201);
            marks.add(Map.of(item, votes.get(i)));
        }
        t.as().post("/api/v1/ballots/" + motion + "/close").then().statusCode(200).body("status", equalTo("AWAITING_DECRYPTION"));
        EncryptedTotals mtotals = SealedBoard.readTotals(json(Api.as(hall.deputy(0)).get("/api/v1/ballots/" + motion + "/sealed-board")
                .then().statusCode(200).extract().response()).get("totals"));
        postPartial(devices.get(2), motion, PartialDecryption.of(mctx, devices.get(2).key, mtotals, RANDOM)).then().statusCode(200);
        postPartial(devices.get(1), motion, PartialDecryption.of(mctx, devices.get(1).key, mtotals, RANDOM)).then().statusCode(200)
                .body("status", equalTo("COUNTED")).body("figures.items[0].forCount", equalTo(2))
                .body("figures.items[0].againstCount", equalTo(1)).body("figures.items[0].abstainCount", equalTo(1))
                .body("figures.items[0].notVoted", equalTo(0)).body("figures.returned", equalTo(4));
        postPartial(devices.get(0), motion, PartialDecryption.of(mctx, devices.get(0).key, mtotals, RANDOM)).then().statusCode(409)
                .body("code", equalTo("SEALED_ALREADY_COUNTED"));
        assertEquals(List.of(), SealedBoard.check(JSON.readTree(Api.as(hall.deputy(0)).get("/api/v1/ballots/" + motion + "/sealed-board")
                .then().statusCode(200).extract().asString())));

        // ---- a dump of the whole database: no deputy's tablet marks, trackers only with their ciphertexts
        String dump = pgDump();
        for (Map<String, String> m : marks) {
            List<Mark> ms = m.entrySet().stream().map(e -> new Mark(e.getKey(), Choice.valueOf(e.getValue()))).toList();
            assertFalse(dump.contains(BallotMarks.canonical(ms)), "marks in the clear: " + BallotMarks.canonical(ms));
        }
        assertFalse(dump.contains(c.get(0) + ":FOR") || dump.contains(c.get(1) + ":FOR"), "a tablet mark in the clear");
        String table = "";
        for (String line : dump.split("\n")) {
            if (line.startsWith("COPY ")) {
                table = line.split(" ")[1];
            }
            for (String tracker : trackers) {
                if (line.contains(tracker)) {
                    assertEquals("public.sealed_content", table, "a tracker outside the encrypted ballots: " + line);
                }
            }
        }
        assertTrue(dump.contains(trackers.get(0)));
    }

    private static Map<String, String> marks(String... items) {
        Map<String, String> m = new LinkedHashMap<>();
        for (String i : items) {
            m.put(i, "FOR");
        }
        return m;
    }

    private static Response castSealed(String token, String ballot, String hex, String key) {
        return Api.as(token).header("Idempotency-Key", key).body(Map.of("sealed", hex)).post("/api/v1/ballots/" + ballot + "/votes");
    }

    private static Response postPartial(Device d, String ballot, PartialDecryption p) {
        return SealDevices.postPartial(d, ballot, p);
    }

    /** the board with one hex digit changed in the first element of {@code field} (at {@code key}, or its first string) */
    private static String alter(JsonNode board, String field, String key) throws Exception {
        ObjectNode copy = board.deepCopy();
        JsonNode target = copy.get(field);
        ObjectNode holder;
        String name;
        switch (field) {
            case "ballots" -> {
                holder = (ObjectNode) target.get(0);
                name = key;
            }
            case "partials" -> {
                holder = (ObjectNode) target.get(0).get("shares").get(0).get(0);
                name = "v";
            }
            default -> {
                holder = (ObjectNode) target.get("ciphertexts").get(0).get(0);
                name = "beta";
            }
        }
        String hex = holder.get(name).asText();
        int at = hex.length() - 3;
        char flipped = hex.charAt(at) == '0' ? '1' : '0';
        holder.set(name, TextNode.valueOf(hex.substring(0, at) + flipped + hex.substring(at + 1)));
        return JSON.writeValueAsString(copy);
    }

    private static int verifyOffline(String boardJson) throws Exception {
        Path file = Files.createTempFile("sealed-board", ".json");
        Files.writeString(file, boardJson);
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
                System.getProperty("java.class.path"), OfflineVerifier.class.getName(), "sealed", file.toString())
                .redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        int code = p.waitFor();
        assertNotNull(out);
        Files.delete(file);
        return code;
    }

    private static String pgDump() throws Exception {
        String url = Api.config("quarkus.datasource.jdbc.url");
        String db = url.substring(url.lastIndexOf('/') + 1);
        ProcessBuilder pb = new ProcessBuilder("pg_dump", "-h", "127.0.0.1", "-p", "5432", "-U", "minsheng_owner", "--data-only", db)
                .redirectError(ProcessBuilder.Redirect.DISCARD);
        pb.environment().put("PGPASSWORD", "minsheng_owner");
        Process p = pb.start();
        String dump = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertEquals(0, p.waitFor(), "pg_dump ran");
        assertTrue(dump.contains("COPY public.sealed_content"), "the dump holds the encrypted ballots");
        return dump;
    }
}
