package cn.minsheng.ballot.support;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import cn.minsheng.ballot.seal.Ceremony;
import cn.minsheng.ballot.seal.DlogProof;
import cn.minsheng.ballot.seal.EncryptedShare;
import cn.minsheng.ballot.seal.PartialDecryption;
import cn.minsheng.ballot.seal.Trustee;
import cn.minsheng.ballot.seal.TrusteeKey;
import cn.minsheng.ballot.seal.TrusteePublic;
import cn.minsheng.ballot.verifier.SealedBoard;
import io.restassured.response.Response;

/**
 * Scrutineers' devices played by the Java seal code through the real API: the key ceremony's steps
 * (key, commitments and sealed shares, the shares received, done) and the partial decryption of a
 * closed sealed ballot's totals. Used by {@code SealedSessionTest} and by the sealed path of the
 * counting-rule tests ({@link SealedPath}).
 */
public final class SealDevices {

    static final ObjectMapper JSON = new ObjectMapper();
    static final SecureRandom RANDOM = new SecureRandom();
    private static final HexFormat HEX = HexFormat.of();

    private SealDevices() {
    }

    /** One scrutineer's device. */
    public static final class Device {
        public final String token;
        public Trustee trustee;
        public TrusteePublic pub;
        public int index;
        public TrusteeKey key;

        public Device(String token) {
            this.token = token;
        }
    }

    public static String ceremonyPath(String sessionId) {
        return "/api/v1/sessions/" + sessionId + "/ceremony";
    }

    public static JsonNode json(Response r) {
        try {
            return JSON.readTree(r.asString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    public static Map<String, String> proof(DlogProof p) {
        return Map.of("c", SealedBoard.scalar(p.c()), "v", SealedBoard.scalar(p.v()));
    }

    /** Each device makes its secret polynomial and posts its communication key. */
    public static void postKeys(String sessionId, List<Device> devices) {
        for (Device d : devices) {
            JsonNode view = json(Api.as(d.token).get(ceremonyPath(sessionId)).then().statusCode(200).extract().response());
            d.index = view.get("you").asInt();
            Ceremony params = new Ceremony(view.get("id").asText(), view.get("k").asInt(), view.get("n").asInt(), List.of());
            d.trustee = Trustee.create(params, d.index, RANDOM);
            d.pub = d.trustee.publish(RANDOM);
            Api.as(d.token).body(Map.of("commsKey", SealedBoard.point(d.pub.commsKey()), "commsProof", proof(d.pub.commsProof())))
                    .put(ceremonyPath(sessionId) + "/key").then().statusCode(200);
        }
    }

    /**
     * Each device posts its commitments and its shares to every other; {@code cheat} (may be null) sends a
     * corrupted share to {@code victim}. A device without a trustee (a scrutineer on a page, known here
     * only by its index) receives shares but sends none.
     */
    public static void postCommitments(String sessionId, List<Device> devices, Device cheat, Device victim) {
        for (Device d : devices) {
            if (d.trustee == null) {
                continue;
            }
            Ceremony keys = SealedBoard.readCeremony(json(Api.as(d.token).get(ceremonyPath(sessionId))).get("record"));
            List<Map<String, Object>> shares = new ArrayList<>();
            for (Device other : devices) {
                if (other == d) {
                    continue;
                }
                EncryptedShare s = d.trustee.shareFor(keys, other.index, RANDOM);
                byte[] box = s.box().clone();
                if (d == cheat && other == victim) {
                    box[box.length / 2] ^= 1; // a bad share: it no longer opens
                }
                shares.add(Map.of("sender", d.index, "recipient", other.index, "ephemeral", SealedBoard.point(s.ephemeral()),
                        "box", HEX.formatHex(box)));
            }
            Api.as(d.token).body(Map.of("commitments", d.pub.commitments().stream().map(SealedBoard::point).toList(),
                    "coefficientProofs", d.pub.coefficientProofs().stream().map(SealDevices::proof).toList(),
                    "shares", shares)).put(ceremonyPath(sessionId) + "/commitments").then().statusCode(200);
        }
    }

    /** The boxes addressed to the device. */
    public static List<EncryptedShare> received(String sessionId, Device d) {
        List<EncryptedShare> out = new ArrayList<>();
        for (JsonNode s : json(Api.as(d.token).get(ceremonyPath(sessionId) + "/shares").then().statusCode(200).extract().response())) {
            out.add(new EncryptedShare(s.get("sender").asInt(), s.get("recipient").asInt(), SealedBoard.readPoint(s.get("ephemeral")),
                    HEX.parseHex(s.get("box").asText())));
        }
        return out;
    }

    /**
     * An honest ceremony of the session among the given scrutineers (they must be all of the
     * congress's enabled scrutineer accounts), k left to the service's default: each device checks
     * what it received, keeps its share, and confirms. Returns the devices, each with its key.
     */
    public static List<Device> ceremony(String sessionId, List<String> scrutineers) {
        List<Device> devices = scrutineers.stream().map(Device::new).toList();
        Api.as(devices.get(0).token).body("{}").post(ceremonyPath(sessionId)).then().statusCode(201);
        postKeys(sessionId, devices);
        postCommitments(sessionId, devices, null, null);
        Ceremony ceremony = SealedBoard.readCeremony(json(Api.as(devices.get(0).token).get(ceremonyPath(sessionId))).get("record"))
                .verified();
        for (Device d : devices) {
            d.key = d.trustee.finish(ceremony, received(sessionId, d));
            Api.as(d.token).post(ceremonyPath(sessionId) + "/done").then().statusCode(200);
        }
        return devices;
    }

    /**
     * The first k devices each decrypt the closed sealed ballot's totals (read from its public sealed
     * board) and post their partial decryption; returns the k-th answer, the counted result.
     */
    public static Response decrypt(String ballotId, List<Device> devices) {
        JsonNode board = json(io.restassured.RestAssured.given().get("/api/v1/ballots/" + ballotId + "/sealed-board").then()
                .statusCode(200).extract().response());
        Ceremony ceremony = SealedBoard.readCeremony(board.get("ceremony"));
        cn.minsheng.ballot.seal.Context context = new cn.minsheng.ballot.seal.Context(ceremony, ballotId,
                SealedBoard.readLayout(board.get("layout")));
        cn.minsheng.ballot.seal.EncryptedTotals totals = SealedBoard.readTotals(board.get("totals"));
        Response last = null;
        for (Device d : devices.subList(0, ceremony.k())) {
            last = postPartial(d, ballotId, PartialDecryption.of(context, d.key, totals, RANDOM));
            last.then().statusCode(200);
        }
        return last;
    }

    /** Posts the device's partial decryption of a closed sealed ballot's totals. */
    public static Response postPartial(Device d, String ballotId, PartialDecryption p) {
        JsonNode node = SealedBoard.partial(p);
        return Api.as(d.token).body(Map.of("shares", JSON.convertValue(node.get("shares"), List.class)))
                .post("/api/v1/ballots/" + ballotId + "/partial-decryptions");
    }
}
