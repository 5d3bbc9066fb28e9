package cn.minsheng.ballot.tally;

/** Why a returned ballot is 废票 (invalid): its marks are then not counted at all. */
public enum InvalidReason {
    TOO_MANY_MARKS, UNKNOWN_ITEM, DUPLICATE_ITEM, CHOICE_NOT_ALLOWED,
    /** fewer FOR marks than minMarks (e.g. 所选的人数等于应选名额的有效，多于或者少于的作废) */
    TOO_FEW_MARKS
}
