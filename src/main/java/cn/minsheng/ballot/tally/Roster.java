package cn.minsheng.ballot.tally;

/**
 * The attendance figures fixed at close: 应到 seated, 实到 present, ballots issued (发出票数) on both
 * channels, of them on paper, and the voters (投票人数: the deputies present or who took part).
 * Each present deputy is issued one ballot, on the tablet or on paper.
 */
public record Roster(int seated, int present, int issued, int paperIssued, int voters) {

    public Roster {
        if (seated < 0 || present < 0 || issued < 0 || paperIssued < 0 || voters < 0 || present > seated) {
            throw new IllegalArgumentException("roster figures must be >= 0 and present <= seated");
        }
        if (paperIssued > issued) {
            throw new IllegalArgumentException("paper ballots issued are part of all ballots issued");
        }
    }

    /** Tablets only: no paper ballots, and the voters are the deputies present. */
    public Roster(int seated, int present, int issued) {
        this(seated, present, issued, 0, present);
    }

    public int electronicIssued() {
        return issued - paperIssued;
    }
}
