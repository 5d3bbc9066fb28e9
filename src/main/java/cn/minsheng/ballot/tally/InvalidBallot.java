package cn.minsheng.ballot.tally;

/** The position of an invalid ballot in the input list, and why it is invalid. */
public record InvalidBallot(int index, InvalidReason reason) {
}
