package cn.minsheng.ballot.tally;

/** The attendance figures fixed at close: 应到 seated, 实到 present, ballots issued (发出票数). */
public record Roster(int seated, int present, int issued) {

    public Roster {
        if (seated < 0 || present < 0 || issued < 0 || present > seated) {
            throw new IllegalArgumentException("roster figures must be >= 0 and present <= seated");
        }
    }
}
