package cn.minsheng.ballot.ballot;

/** CLOSING exists only inside the closing transaction; nobody else ever sees it. */
public enum BallotStatus {
    DRAFT, OPEN, CLOSING, CLOSED
}
