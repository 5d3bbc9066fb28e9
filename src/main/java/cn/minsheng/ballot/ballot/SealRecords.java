package cn.minsheng.ballot.ballot;

import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * The public values of the sealed ballot box as JSON, in exactly the board's format (README "Sealed
 * ballots", read by {@code verifier/SealedBoard}): points, scalars and encodings in lowercase hex.
 */
public final class SealRecords {

    private SealRecords() {
    }

    @Schema(name = "SealProof", description = "a Schnorr or Chaum–Pedersen proof (c, v), scalars in hex")
    public record Proof(String c, String v) {
    }

    @Schema(name = "SealTrusteeRecord", description = "what scrutineer (trustee) `index` published in the key ceremony: its "
            + "communication key with its proof, and its Feldman commitments with theirs (empty until posted)")
    public record TrusteeRecord(int index, @Schema(nullable = true) String commsKey, @Schema(nullable = true) Proof commsProof,
            @Schema(nullable = true) List<String> commitments, @Schema(nullable = true) List<Proof> coefficientProofs) {
    }

    @Schema(name = "SealCeremonyRecord", description = "the public record of a key ceremony, as on the board")
    public record CeremonyRecord(String ceremonyId, int k, int n, List<TrusteeRecord> trustees) {
    }

    @Schema(name = "SealLayout", description = "the sealed ballot's shape: items (ids) and choices in order, and the range of FOR marks")
    public record LayoutRecord(String method, List<String> items, List<String> choices, int minFor, int maxFor) {
    }

    @Schema(name = "SealContext", description = "what a tablet needs to seal a ballot: the ceremony, the ballot id, the layout, "
            + "and the context hash every proof binds")
    public record ContextRecord(CeremonyRecord ceremony, String ballotId, LayoutRecord layout, String contextHash, String jointKey) {
    }

    @Schema(name = "SealedBoardBallot", description = "one encrypted ballot on the board: its tracker and its canonical encoding")
    public record BoardBallot(String tracker, String encoding) {
    }

    @Schema(name = "SealCiphertext")
    public record CiphertextRecord(String alpha, String beta) {
    }

    @Schema(name = "SealEncryptedTotals", description = "per item and choice, the sum of the accepted encrypted ballots")
    public record TotalsRecord(int ballots, List<List<CiphertextRecord>> ciphertexts) {
    }

    @Schema(name = "SealPartialShare", description = "M_i = s_i·A for one total, with its Chaum–Pedersen proof (c, v)")
    public record PartialShare(String m, String c, String v) {
    }

    @Schema(name = "SealPartialDecryption", description = "scrutineer `trustee`'s partial decryption of every total, items × choices")
    public record PartialRecord(int trustee, List<List<PartialShare>> shares) {
    }
}
