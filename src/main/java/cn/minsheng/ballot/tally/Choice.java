package cn.minsheng.ballot.tally;

public enum Choice {
    FOR, AGAINST, ABSTAIN, SATISFIED, BASICALLY_SATISFIED, UNSATISFIED
}
