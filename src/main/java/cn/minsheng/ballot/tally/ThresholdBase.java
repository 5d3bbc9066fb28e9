package cn.minsheng.ballot.tally;

/** What the threshold fraction is taken of: 全体代表 (seated), present, ballots returned, or valid ballots. */
public enum ThresholdBase {
    ALL_SEATED, PRESENT, BALLOTS_CAST, VALID_BALLOTS
}
