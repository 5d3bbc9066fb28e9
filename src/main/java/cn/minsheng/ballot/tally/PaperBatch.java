package cn.minsheng.ballot.tally;

import java.util.Map;

/**
 * Ballots counted as totals rather than one by one: how many came back, how many of them were
 * invalid, and per item how many marks of each choice. Usually paper ballots counted by the
 * scrutineers; {@code paper} false for the decrypted totals of sealed tablet ballots (README "Sealed
 * ballots"), which count as tablet ballots returned.
 */
public record PaperBatch(int returned, int invalid, Map<String, Map<Choice, Integer>> counts, boolean paper) {

    public PaperBatch {
        if (returned < 0 || invalid < 0 || invalid > returned) {
            throw new IllegalArgumentException("a paper batch needs 0 <= invalid <= returned");
        }
        counts = Map.copyOf(counts);
    }

    /** paper ballots counted as totals */
    public PaperBatch(int returned, int invalid, Map<String, Map<Choice, Integer>> counts) {
        this(returned, invalid, counts, true);
    }

    /** the decrypted totals of sealed tablet ballots, every one valid by its proofs */
    public static PaperBatch sealed(int returned, Map<String, Map<Choice, Integer>> counts) {
        return new PaperBatch(returned, 0, counts, false);
    }

    public int valid() {
        return returned - invalid;
    }
}
