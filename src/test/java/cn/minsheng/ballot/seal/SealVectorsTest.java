package cn.minsheng.ballot.seal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;

import cn.minsheng.ballot.verifier.SealedBoard;

/** Java and the browser side are held to the same bytes: Java regenerates the shared vectors exactly, and verifies what the browser side sealed. */
class SealVectorsTest {

    @Test
    void theCommittedVectorsAreExactlyWhatJavaGenerates() throws Exception {
        String now = SealVectors.render();
        if (Boolean.getBoolean("seal.vectors.write")) {
            SealVectors.main(new String[0]);
        }
        assertEquals(now, Files.readString(SealVectors.FILE), "the encoding changed: regenerate the vectors, and check the browser side still agrees");
        for (JsonNode c : SealVectors.JSON.readTree(now).get("cases")) {
            assertEquals(List.of(), SealedBoard.check(c.get("board")));
        }
    }

    @Test
    void aBallotAndAPartialDecryptionMadeByTheBrowserSideVerifyInJava() throws Exception {
        JsonNode js = SealVectors.JSON.readTree(Files.readString(Path.of("src/test/resources/seal/js-made.json")));
        JsonNode vectors = SealVectors.JSON.readTree(Files.readString(SealVectors.FILE));
        JsonNode board = null;
        for (JsonNode c : vectors.get("cases")) {
            if (c.get("board").get("ballotId").asText().equals(js.get("ballotId").asText())) {
                board = c.get("board");
            }
        }
        Context ctx = new Context(SealedBoard.readCeremony(board.get("ceremony")), board.get("ballotId").asText(),
                SealedBoard.readLayout(board.get("layout")));
        byte[] enc = java.util.HexFormat.of().parseHex(js.get("ballot").get("encoding").asText());
        SealedBallot b = SealedBallot.decode(ctx, enc).verify(ctx);
        assertEquals(js.get("ballot").get("tracker").asText(), b.tracker());
        // the browser's ballot joins the board's: the board with it checks, and decrypts to the counts the browser side expects
        EncryptedTotals totals = SealedBoard.readTotals(board.get("totals"));
        PartialDecryption p = SealedBoard.readPartial(js.get("partial")).verify(ctx, totals);
        assertEquals(2, p.trustee());
        int[][] counts = PartialDecryption.combine(ctx, totals, List.of(p, SealedBoard.readPartial(board.get("partials").get(0))));
        assertArrayEquals(SealVectors.JSON.treeToValue(board.get("counts"), int[][].class), counts);
    }

    @Test
    void aCeremonyRunInTheBrowserChecksInJavaAndItsComplaintNamesTheBadSender() throws Exception {
        JsonNode js = SealVectors.JSON.readTree(Files.readString(Path.of("src/test/resources/seal/js-made.json")));
        Ceremony c = SealedBoard.readCeremony(js.get("ceremony")).verified();
        JsonNode s = js.get("badShare");
        java.util.HexFormat hex = java.util.HexFormat.of();
        EncryptedShare bad = new EncryptedShare(s.get("sender").asInt(), s.get("recipient").asInt(), Group.decodePoint(hex.parseHex(s.get("ephemeral").asText())),
                hex.parseHex(s.get("box").asText()));
        JsonNode k = js.get("complaint");
        Complaint complaint = new Complaint(k.get("accused").asInt(), k.get("complainer").asInt(), Group.decodePoint(hex.parseHex(k.get("shared").asText())),
                new DlogProof(Group.decodeScalar(hex.parseHex(k.get("c").asText())), Group.decodeScalar(hex.parseHex(k.get("v").asText()))));
        assertEquals(2, complaint.judge(c, bad).atFault());
        assertEquals(3, new Complaint(2, 3, Group.G, complaint.proof()).judge(c, bad).atFault());
    }
}
