package cn.minsheng.ballot.ballot;

public enum Channel {
    ELECTRONIC, PAPER
}
