package cn.minsheng.ballot.tally;

/** What happens when more items tie at the last seat than seats remain. */
public enum TiePolicy {
    /** a new ballot among the tied items for the remaining seats */
    RUNOFF,
    /** the chair decides, with a recorded reason */
    CHAIR_DECISION,
    /** drawn by lot from a published seed */
    LOT
}
