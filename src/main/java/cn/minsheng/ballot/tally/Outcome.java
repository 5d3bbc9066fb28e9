package cn.minsheng.ballot.tally;

/** The fate of one item after the count. */
public enum Outcome {
    /** SELECTION: among the top seats of the passing items */
    SELECTED,
    /** SELECTION: passed the threshold but ranked below the seats */
    NOT_SELECTED,
    /** SELECTION: did not pass the threshold */
    REJECTED,
    /** SELECTION: tied at the cutoff, waiting for a runoff or the chair's decision */
    TIED,
    /** MOTION */
    ADOPTED, NOT_ADOPTED,
    /** EVALUATION */
    SATISFIED, BASICALLY_SATISFIED, UNSATISFIED,
    /** the whole vote is void (see VoidReason) */
    VOID
}
