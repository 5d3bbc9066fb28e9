package cn.minsheng.ballot.session;

/** 人民代表大会会议, 常务委员会会议, 主席团会议 */
public enum SessionKind {
    PLENARY, STANDING_COMMITTEE, PRESIDIUM
}
