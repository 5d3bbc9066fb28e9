package cn.minsheng.ballot.session;

public enum SessionStatus {
    PLANNED, OPEN, CLOSED
}
