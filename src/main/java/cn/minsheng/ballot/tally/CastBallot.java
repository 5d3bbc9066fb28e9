package cn.minsheng.ballot.tally;

import java.util.List;

/** One ballot as returned: its marks and nothing about who cast it. */
public record CastBallot(List<Mark> marks) {

    public CastBallot {
        marks = List.copyOf(marks);
    }

    public static CastBallot of(Mark... marks) {
        return new CastBallot(List.of(marks));
    }
}
