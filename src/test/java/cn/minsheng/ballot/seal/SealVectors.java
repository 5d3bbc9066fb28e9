package cn.minsheng.ballot.seal;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.TreeMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import cn.minsheng.ballot.verifier.SealedBoard;

/**
 * The test vectors shared with the browser side (src/test/resources/seal/vectors.json), generated
 * from fixed seeds: a 2-of-3 ceremony with its secrets, one board per method, the random blocks
 * each ballot and partial decryption drew (so the browser, drawing the same, must produce the same
 * bytes), a share box and a backup. Regenerate with
 * {@code ./mvnw -q test-compile exec:java -Dexec.classpathScope=test -Dexec.mainClass=cn.minsheng.ballot.seal.SealVectors}
 * or run SealVectorsTest with -Dseal.vectors.write=true.
 */
public final class SealVectors {

    static final Path FILE = Path.of("src/test/resources/seal/vectors.json");
    static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    private static final HexFormat HEX = HexFormat.of();

    private SealVectors() {
    }

    public static void main(String[] args) throws Exception {
        Files.createDirectories(FILE.getParent());
        Files.writeString(FILE, render());
    }

    static String render() throws Exception {
        return JSON.writeValueAsString(generate()) + "\n";
    }

    static ObjectNode generate() {
        SeededRandom rnd = new SeededRandom("minsheng-seal vectors v1");
        SealFixtures.Run run = SealFixtures.ceremony("session-2027-01", 2, 3, rnd);
        ObjectNode root = JSON.createObjectNode().put("format", "minsheng-seal/v1/vectors");
        root.set("ceremony", SealedBoard.ceremony(run.ceremony()));
        root.put("jointKey", HEX.formatHex(Group.encodePoint(run.ceremony().jointKey())));
        ArrayNode keys = root.putArray("keys");
        for (TrusteeKey k : run.keys()) {
            keys.addObject().put("index", k.index()).put("share", HEX.formatHex(Group.encodeScalar(k.share())))
                    .put("commsSecret", HEX.formatHex(Group.encodeScalar(k.commsSecret())))
                    .put("publicShare", HEX.formatHex(Group.encodePoint(run.ceremony().publicShare(k.index()))));
        }
        List<String> items = List.of("proj-01", "proj-02", "项目-03");
        ArrayNode cases = root.putArray("cases");
        cases.add(board(run, new Context(run.ceremony(), "ballot-approval", Layout.approval(items, 1, 2)),
                List.of(Map.of("proj-01", "FOR"), Map.of("proj-01", "FOR", "项目-03", "FOR"), Map.of("proj-02", "FOR")), rnd));
        cases.add(board(run, new Context(run.ceremony(), "ballot-yna", Layout.yesNoAbstain(items, 2)),
                List.of(Map.of("proj-01", "FOR", "proj-02", "AGAINST"), Map.of("项目-03", "ABSTAIN"), Map.of("proj-01", "FOR", "项目-03", "FOR")), rnd));
        cases.add(board(run, new Context(run.ceremony(), "ballot-rating", Layout.rating(items)),
                List.of(Map.of("proj-01", "SATISFIED", "proj-02", "UNSATISFIED"), Map.of("项目-03", "BASICALLY_SATISFIED"), Map.of()), rnd));
        TrusteeKey key = run.key(2);
        String passphrase = "监票人的口令 correct horse";
        rnd.takeDrawn();
        root.putObject("backup").put("passphrase", passphrase).put("text", ShareBackup.seal(key, passphrase, 10, rnd)).put("index", 2)
                .put("ceremonyId", key.ceremonyId()).put("share", HEX.formatHex(Group.encodeScalar(key.share())));
        EncryptedShare s = run.trustees().get(0).shareFor(run.ceremony(), 3, rnd);
        root.putObject("shareBox").put("sender", 1).put("recipient", 3).put("ephemeral", HEX.formatHex(Group.encodePoint(s.ephemeral())))
                .put("box", HEX.formatHex(s.box())).put("share", HEX.formatHex(Group.encodeScalar(run.trustees().get(0).valueAt(3))));
        return root;
    }

    private static ObjectNode board(SealFixtures.Run run, Context ctx, List<Map<String, String>> votes, SeededRandom rnd) {
        ObjectNode c = JSON.createObjectNode();
        ArrayNode sealing = c.putArray("sealing");
        List<SealedBallot> ballots = new ArrayList<>();
        for (int i = 0; i < votes.size(); i++) {
            rnd.takeDrawn();
            String castId = ctx.ballotId() + "-cast-" + (i + 1);
            SealedBallot b = SealedBallot.seal(ctx, castId, votes.get(i), rnd);
            ballots.add(b);
            ObjectNode o = sealing.addObject().put("castId", castId);
            o.set("marks", JSON.valueToTree(new TreeMap<>(votes.get(i))));
            ArrayNode draws = o.putArray("draws");
            rnd.takeDrawn().forEach(d -> draws.add(HEX.formatHex(d)));
        }
        EncryptedTotals totals = EncryptedTotals.sumOfEncodings(ctx, ballots.stream().map(SealedBallot::encode).toList());
        List<PartialDecryption> partials = new ArrayList<>();
        ArrayNode partialDraws = c.putArray("partialDraws");
        for (int t : List.of(3, 1)) {
            rnd.takeDrawn();
            partials.add(PartialDecryption.of(ctx, run.key(t), totals, rnd));
            ArrayNode draws = partialDraws.addObject().put("trustee", t).putArray("draws");
            rnd.takeDrawn().forEach(d -> draws.add(HEX.formatHex(d)));
        }
        c.set("board", SealedBoard.write(ctx, ballots, totals, partials, PartialDecryption.combine(ctx, totals, partials)));
        return c;
    }
}
