package cn.minsheng.ballot.session;

/** 出席 (checked in), 请假 (on leave), 离会 (checked out); a seated deputy with no record is absent. */
public enum AttendanceState {
    PRESENT, ON_LEAVE, CHECKED_OUT
}
