package cn.minsheng.ballot.tally;

/** What happens when fewer items pass than there are seats. */
public enum ShortfallPolicy {
    ACCEPT_FEWER,
    /** a new ballot among the remaining candidates for the remaining seats */
    SUPPLEMENTARY
}
