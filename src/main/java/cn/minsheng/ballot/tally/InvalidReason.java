package cn.minsheng.ballot.tally;

/** Why a returned ballot is 废票 (invalid): its marks are then not counted at all. */
public enum InvalidReason {
    TOO_MANY_MARKS, UNKNOWN_ITEM, DUPLICATE_ITEM, CHOICE_NOT_ALLOWED
}
