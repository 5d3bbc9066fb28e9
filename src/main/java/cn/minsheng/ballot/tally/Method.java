package cn.minsheng.ballot.tally;

import java.util.EnumSet;
import java.util.Set;

/** How a ballot is marked, and which choices a mark may carry. */
public enum Method {
    /** tick up to maxMarks items; a tick is FOR */
    APPROVAL(EnumSet.of(Choice.FOR)),
    /** FOR / AGAINST / ABSTAIN on each item */
    YES_NO_ABSTAIN(EnumSet.of(Choice.FOR, Choice.AGAINST, Choice.ABSTAIN)),
    /** satisfaction evaluation of each item */
    RATING(EnumSet.of(Choice.SATISFIED, Choice.BASICALLY_SATISFIED, Choice.UNSATISFIED, Choice.ABSTAIN));

    private final Set<Choice> allowed;

    Method(Set<Choice> allowed) {
        this.allowed = allowed;
    }

    public boolean allows(Choice choice) {
        return allowed.contains(choice);
    }

    public Set<Choice> choices() {
        return EnumSet.copyOf(allowed);
    }
}
