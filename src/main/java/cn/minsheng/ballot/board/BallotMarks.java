package cn.minsheng.ballot.board;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import cn.minsheng.ballot.tally.CastBallot;
import cn.minsheng.ballot.tally.Choice;
import cn.minsheng.ballot.tally.Mark;

/**
 * The canonical text of a ballot's marks, as stored, hashed into the tracker and shown on the
 * board: {@code itemId:CHOICE} pairs sorted by item id, joined by commas ("" for a blank ballot).
 */
public final class BallotMarks {

    private BallotMarks() {
    }

    public static String canonical(List<Mark> marks) {
        return String.join(",", marks.stream().sorted(Comparator.comparing(Mark::itemId))
                .map(m -> m.itemId() + ":" + m.choice()).toList());
    }

    public static CastBallot parse(String canonical) {
        List<Mark> marks = new ArrayList<>();
        if (!canonical.isEmpty()) {
            for (String pair : canonical.split(",")) {
                int colon = pair.lastIndexOf(':');
                marks.add(new Mark(pair.substring(0, colon), Choice.valueOf(pair.substring(colon + 1))));
            }
        }
        return new CastBallot(marks);
    }
}
