package cn.minsheng.ballot.tally;

import java.util.Map;

/**
 * Paper ballots counted by the scrutineers as totals rather than entered one by one: how many
 * came back, how many of them were invalid, and per item how many marks of each choice.
 */
public record PaperBatch(int returned, int invalid, Map<String, Map<Choice, Integer>> counts) {

    public PaperBatch {
        if (returned < 0 || invalid < 0 || invalid > returned) {
            throw new IllegalArgumentException("a paper batch needs 0 <= invalid <= returned");
        }
        counts = Map.copyOf(counts);
    }

    public int valid() {
        return returned - invalid;
    }
}
