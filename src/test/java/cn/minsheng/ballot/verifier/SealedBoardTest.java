package cn.minsheng.ballot.verifier;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;

/** The offline verifier of sealed boards accepts a real board and finds a single altered byte anywhere in it. */
class SealedBoardTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** the YES_NO_ABSTAIN board of the shared vectors: every kind of proof, two partial decryptions */
    private static final JsonNode BOARD = board();

    private static JsonNode board() {
        try {
            for (JsonNode c : JSON.readTree(Files.readString(Path.of("src/test/resources/seal/vectors.json"))).get("cases")) {
                if (c.get("board").get("ballotId").asText().equals("ballot-yna")) {
                    return c.get("board");
                }
            }
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
        throw new IllegalStateException("no YES_NO_ABSTAIN board in the vectors");
    }

    /** a setter for every hex string on the board (points, scalars, encodings, trackers, hashes) */
    private static List<Consumer<Integer>> hexFields(JsonNode root, List<String> where) {
        List<Consumer<Integer>> out = new ArrayList<>();
        collect(root, "", out, where);
        return out;
    }

    private static void collect(JsonNode node, String path, List<Consumer<Integer>> out, List<String> where) {
        if (node instanceof ObjectNode o) {
            o.fieldNames().forEachRemaining(f -> {
                JsonNode v = o.get(f);
                if (v.isTextual() && v.asText().matches("[0-9a-f]{40,}")) {
                    where.add(path + "/" + f);
                    out.add(at -> o.put(f, flip(v.asText(), at)));
                } else {
                    collect(v, path + "/" + f, out, where);
                }
            });
        } else if (node instanceof ArrayNode a) {
            for (int i = 0; i < a.size(); i++) {
                JsonNode v = a.get(i);
                int ii = i;
                if (v.isTextual() && v.asText().matches("[0-9a-f]{40,}")) {
                    where.add(path + "/" + i);
                    out.add(at -> a.set(ii, flip(v.asText(), at)));
                } else {
                    collect(v, path + "/" + i, out, where);
                }
            }
        }
    }

    /** changes the byte holding hex digit at (mod length) */
    private static String flip(String hex, int at) {
        int i = Math.floorMod(at, hex.length());
        char c = Character.forDigit(Character.digit(hex.charAt(i), 16) ^ 0x5, 16);
        return hex.substring(0, i) + c + hex.substring(i + 1);
    }

    @Example
    void aRealBoardChecksOut() {
        assertEquals(List.of(), SealedBoard.check(BOARD));
        assertTrue(hexFields(BOARD.deepCopy(), new ArrayList<>()).size() > 50);
    }

    @Property(tries = 30)
    void aSingleAlteredByteAnywhereIsFound(@ForAll @IntRange(min = 0, max = 100_000) int field, @ForAll @IntRange(min = 0, max = 100_000) int at) {
        JsonNode copy = BOARD.deepCopy();
        List<String> where = new ArrayList<>();
        List<Consumer<Integer>> fields = hexFields(copy, where);
        fields.get(field % fields.size()).accept(at);
        List<String> findings = SealedBoard.check(copy);
        assertFalse(findings.isEmpty(), "altered " + where.get(field % fields.size()) + " at " + at);
    }

    @Example
    void eachKindOfAlterationIsNamed() {
        assertTrue(findings(b -> {
            ObjectNode ballot = (ObjectNode) b.get("ballots").get(1);
            String enc = ballot.get("encoding").asText();
            ballot.put("encoding", flip(enc, enc.indexOf("00000021") + 8 + 12)); // inside the first ciphertext
        }).stream().anyMatch(f -> f.startsWith("ballot 2")));
        assertTrue(findings(b -> {
            ObjectNode ballot = (ObjectNode) b.get("ballots").get(0);
            String enc = ballot.get("encoding").asText();
            ballot.put("encoding", flip(enc, enc.length() - 9)); // inside the FOR-sum proof
        }).stream().anyMatch(f -> f.startsWith("ballot 1") && f.contains("FOR marks fails")));
        assertTrue(findings(b -> {
            ObjectNode share = (ObjectNode) b.get("partials").get(1).get("shares").get(2).get(0);
            share.put("v", flip(share.get("v").asText(), 17));
        }).stream().anyMatch(f -> f.startsWith("partial decryption of trustee 1")));
        assertTrue(findings(b -> {
            ObjectNode ct = (ObjectNode) b.get("totals").get("ciphertexts").get(0).get(1);
            ct.put("beta", flip(ct.get("beta").asText(), 40));
        }).stream().anyMatch(f -> f.startsWith("encrypted totals")));
        assertTrue(findings(b -> ((ArrayNode) b.get("counts").get(2)).set(0, 2)).stream().anyMatch(f -> f.startsWith("counts: decrypted")));
        assertTrue(findings(b -> ((ArrayNode) b.get("ballots")).add(b.get("ballots").get(0).deepCopy()))
                .stream().anyMatch(f -> f.startsWith("ballot 4") && f.contains("already in the box")));
        assertTrue(findings(b -> ((ArrayNode) b.get("partials")).remove(1)).stream().anyMatch(f -> f.contains("2 are needed")));
    }

    private static List<String> findings(Consumer<ObjectNode> edit) {
        ObjectNode copy = BOARD.deepCopy();
        edit.accept(copy);
        return SealedBoard.check(copy);
    }

    @Example
    void theCommandLineExitsZeroOnARealBoardAndOneOnAnAlteredOne() throws Exception {
        Path good = Files.createTempFile("sealed-board", ".json");
        Path bad = Files.createTempFile("sealed-board", ".json");
        try {
            Files.writeString(good, JSON.writeValueAsString(BOARD));
            ObjectNode altered = BOARD.deepCopy();
            ((ArrayNode) altered.get("counts").get(0)).set(0, 0);
            Files.writeString(bad, JSON.writeValueAsString(altered));
            assertEquals(0, run(good));
            assertEquals(1, run(bad));
        } finally {
            Files.delete(good);
            Files.delete(bad);
        }
    }

    private static int run(Path board) throws Exception {
        Process p = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp", System.getProperty("java.class.path"),
                OfflineVerifier.class.getName(), "sealed", board.toString()).redirectErrorStream(true).start();
        p.getInputStream().transferTo(java.io.OutputStream.nullOutputStream());
        return p.waitFor();
    }
}
