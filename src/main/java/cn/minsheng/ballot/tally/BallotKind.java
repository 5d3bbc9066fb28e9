package cn.minsheng.ballot.tally;

/** SELECTION chooses projects, EVALUATION rates them, MOTION adopts or rejects an item. */
public enum BallotKind {
    SELECTION, EVALUATION, MOTION
}
