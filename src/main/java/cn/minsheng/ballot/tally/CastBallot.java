package cn.minsheng.ballot.tally;

import java.util.List;

/**
 * One ballot as returned: its marks, whether it came from the paper box (the paper box's count is
 * checked against the paper ballots issued), and nothing about who cast it.
 */
public record CastBallot(List<Mark> marks, boolean paper) {

    public CastBallot {
        marks = List.copyOf(marks);
    }

    /** A ballot cast on a tablet. */
    public CastBallot(List<Mark> marks) {
        this(marks, false);
    }

    public static CastBallot of(Mark... marks) {
        return new CastBallot(List.of(marks));
    }

    public static CastBallot onPaper(Mark... marks) {
        return new CastBallot(List.of(marks), true);
    }
}
