package cn.minsheng.ballot.tally;

/** Why a whole vote is void and must be held again (选举法: 收回票数多于发出票数 / 所投的票数多于投票人数的无效). */
public enum VoidReason {
    /** all ballots returned exceed all ballots issued */
    MORE_RETURNED_THAN_ISSUED,
    /** the paper box returned more than the paper ballots issued */
    PAPER_MORE_RETURNED_THAN_ISSUED,
    /** more ballots than voters */
    MORE_BALLOTS_THAN_VOTERS
}
