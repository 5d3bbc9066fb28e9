package cn.minsheng.ballot.verifier;

import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;

import org.bouncycastle.math.ec.ECPoint;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.minsheng.ballot.seal.Ceremony;
import cn.minsheng.ballot.seal.Ciphertext;
import cn.minsheng.ballot.seal.Context;
import cn.minsheng.ballot.seal.DlogProof;
import cn.minsheng.ballot.seal.EncryptedTotals;
import cn.minsheng.ballot.seal.Group;
import cn.minsheng.ballot.seal.Layout;
import cn.minsheng.ballot.seal.PartialDecryption;
import cn.minsheng.ballot.seal.SealException;
import cn.minsheng.ballot.seal.SealedBallot;
import cn.minsheng.ballot.seal.SealedBox;
import cn.minsheng.ballot.seal.TrusteePublic;

/**
 * The published board of one sealed ballot, as JSON (points and scalars in lowercase hex, encoded
 * as in the README's "Sealed ballots"), and its offline check: the ceremony's proofs, every
 * ballot's proofs and tracker, no replayed cast id or ciphertext, the encrypted totals recomputed,
 * every partial decryption's proof, the Lagrange combination and the published counts.
 */
public final class SealedBoard {

    public static final String FORMAT = "minsheng-seal/v1/board";
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HexFormat HEX = HexFormat.of();

    private SealedBoard() {
    }

    // ---- writing

    public static ObjectNode write(Context ctx, List<SealedBallot> ballots, EncryptedTotals totals, List<PartialDecryption> partials, int[][] counts) {
        ObjectNode board = JSON.createObjectNode().put("format", FORMAT);
        board.set("ceremony", ceremony(ctx.ceremony()));
        board.put("ballotId", ctx.ballotId());
        board.set("layout", layout(ctx.layout()));
        board.put("contextHash", ctx.hashHex());
        ArrayNode bs = board.putArray("ballots");
        for (SealedBallot b : ballots) {
            byte[] enc = b.encode();
            bs.addObject().put("tracker", SealedBallot.tracker(enc)).put("encoding", HEX.formatHex(enc));
        }
        board.set("totals", totals(totals));
        ArrayNode ps = board.putArray("partials");
        partials.forEach(p -> ps.add(partial(p)));
        board.set("counts", JSON.valueToTree(counts));
        return board;
    }

    public static ObjectNode ceremony(Ceremony c) {
        ObjectNode n = JSON.createObjectNode().put("ceremonyId", c.ceremonyId()).put("k", c.k()).put("n", c.n());
        ArrayNode ts = n.putArray("trustees");
        for (TrusteePublic t : c.trustees()) {
            ObjectNode o = ts.addObject().put("index", t.index()).put("commsKey", point(t.commsKey()));
            o.set("commsProof", proof(t.commsProof()));
            ArrayNode cs = o.putArray("commitments");
            t.commitments().forEach(p -> cs.add(point(p)));
            ArrayNode ps = o.putArray("coefficientProofs");
            t.coefficientProofs().forEach(p -> ps.add(proof(p)));
        }
        return n;
    }

    public static ObjectNode layout(Layout l) {
        ObjectNode n = JSON.createObjectNode().put("method", l.method());
        n.set("items", JSON.valueToTree(l.items()));
        n.set("choices", JSON.valueToTree(l.choices()));
        return n.put("minFor", l.minFor()).put("maxFor", l.maxFor());
    }

    public static ObjectNode totals(EncryptedTotals t) {
        ObjectNode n = JSON.createObjectNode().put("ballots", t.ballots());
        ArrayNode rows = n.putArray("ciphertexts");
        for (List<Ciphertext> row : t.totals()) {
            ArrayNode r = rows.addArray();
            row.forEach(ct -> r.addObject().put("alpha", point(ct.alpha())).put("beta", point(ct.beta())));
        }
        return n;
    }

    public static ObjectNode partial(PartialDecryption p) {
        ObjectNode n = JSON.createObjectNode().put("trustee", p.trustee());
        ArrayNode rows = n.putArray("shares");
        for (List<PartialDecryption.Share> row : p.shares()) {
            ArrayNode r = rows.addArray();
            row.forEach(s -> r.addObject().put("m", point(s.m())).put("c", scalar(s.proof().c())).put("v", scalar(s.proof().v())));
        }
        return n;
    }

    public static String point(ECPoint p) {
        return HEX.formatHex(Group.encodePoint(p));
    }

    public static String scalar(java.math.BigInteger k) {
        return HEX.formatHex(Group.encodeScalar(k));
    }

    public static ObjectNode proof(DlogProof p) {
        return JSON.createObjectNode().put("c", scalar(p.c())).put("v", scalar(p.v()));
    }

    // ---- reading

    public static Ceremony readCeremony(JsonNode n) {
        List<TrusteePublic> ts = new ArrayList<>();
        for (JsonNode t : n.get("trustees")) {
            List<ECPoint> cs = new ArrayList<>();
            t.get("commitments").forEach(c -> cs.add(readPoint(c)));
            List<DlogProof> ps = new ArrayList<>();
            t.get("coefficientProofs").forEach(p -> ps.add(readProof(p)));
            ts.add(new TrusteePublic(t.get("index").asInt(), readPoint(t.get("commsKey")), readProof(t.get("commsProof")), cs, ps));
        }
        return new Ceremony(n.get("ceremonyId").asText(), n.get("k").asInt(), n.get("n").asInt(), ts);
    }

    public static Layout readLayout(JsonNode n) {
        List<String> items = new ArrayList<>();
        n.get("items").forEach(i -> items.add(i.asText()));
        List<String> choices = new ArrayList<>();
        n.get("choices").forEach(c -> choices.add(c.asText()));
        return new Layout(n.get("method").asText(), items, choices, n.get("minFor").asInt(), n.get("maxFor").asInt());
    }

    public static EncryptedTotals readTotals(JsonNode n) {
        List<List<Ciphertext>> rows = new ArrayList<>();
        for (JsonNode row : n.get("ciphertexts")) {
            List<Ciphertext> r = new ArrayList<>();
            row.forEach(ct -> r.add(new Ciphertext(readPoint(ct.get("alpha")), readPoint(ct.get("beta")))));
            rows.add(r);
        }
        return new EncryptedTotals(rows, n.get("ballots").asInt());
    }

    public static PartialDecryption readPartial(JsonNode n) {
        List<List<PartialDecryption.Share>> rows = new ArrayList<>();
        for (JsonNode row : n.get("shares")) {
            List<PartialDecryption.Share> r = new ArrayList<>();
            row.forEach(s -> r.add(new PartialDecryption.Share(readPoint(s.get("m")), readProof(s))));
            rows.add(r);
        }
        return new PartialDecryption(n.get("trustee").asInt(), rows);
    }

    public static ECPoint readPoint(JsonNode n) {
        return Group.decodePoint(hex(n));
    }

    public static DlogProof readProof(JsonNode n) {
        return new DlogProof(Group.decodeScalar(hex(n.get("c"))), Group.decodeScalar(hex(n.get("v"))));
    }

    public static byte[] hex(JsonNode n) {
        if (n == null || !n.isTextual()) {
            throw new SealException("a hex string is missing");
        }
        try {
            return HEX.parseHex(n.asText());
        } catch (IllegalArgumentException e) {
            throw new SealException("not hex: " + n.asText());
        }
    }

    // ---- checking

    /** The findings of checking a sealed board; empty when everything checks out. */
    public static List<String> check(JsonNode board) {
        List<String> findings = new ArrayList<>();
        Context ctx;
        try {
            if (!FORMAT.equals(board.path("format").asText())) {
                findings.add("not a sealed board (" + FORMAT + ")");
                return findings;
            }
            ctx = new Context(readCeremony(board.get("ceremony")), board.get("ballotId").asText(), readLayout(board.get("layout")));
        } catch (SealException | IllegalArgumentException | NullPointerException e) {
            findings.add("ceremony or layout: " + e.getMessage());
            return findings;
        }
        if (!ctx.hashHex().equals(board.path("contextHash").asText())) {
            findings.add("context hash: recomputed " + ctx.hashHex() + ", published " + board.path("contextHash").asText());
        }
        SealedBox box = new SealedBox(ctx);
        int i = 0;
        for (JsonNode b : board.get("ballots")) {
            i++;
            try {
                String tracker = box.accept(hex(b.get("encoding")));
                if (!tracker.equals(b.path("tracker").asText())) {
                    findings.add("ballot " + i + ": tracker " + b.path("tracker").asText() + " is not the hash of its encoding");
                }
            } catch (SealException e) {
                findings.add("ballot " + i + " (" + b.path("tracker").asText() + "): " + e.getMessage());
            }
        }
        EncryptedTotals totals = box.totals();
        try {
            EncryptedTotals published = readTotals(board.get("totals"));
            if (!published.equals(totals)) {
                findings.add("encrypted totals: the published ones are not the sum of the valid ballots on the board");
            }
        } catch (SealException | NullPointerException e) {
            findings.add("encrypted totals: " + e.getMessage());
        }
        List<PartialDecryption> partials = new ArrayList<>();
        for (JsonNode p : board.get("partials")) {
            try {
                partials.add(readPartial(p).verify(ctx, totals));
            } catch (SealException | NullPointerException | IndexOutOfBoundsException e) {
                findings.add("partial decryption of trustee " + p.path("trustee").asText() + ": " + e.getMessage());
            }
        }
        try {
            int[][] counts = PartialDecryption.combine(ctx, totals, partials);
            int[][] published = JSON.treeToValue(board.get("counts"), int[][].class);
            if (!java.util.Arrays.deepEquals(counts, published)) {
                findings.add("counts: decrypted " + java.util.Arrays.deepToString(counts) + ", published " + java.util.Arrays.deepToString(published));
            }
        } catch (SealException | com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
            findings.add("counts: " + e.getMessage());
        }
        return findings;
    }
}
