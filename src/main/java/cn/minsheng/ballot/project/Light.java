package cn.minsheng.ballot.project;

/** 挂图作战: GREEN on track, AMBER at risk, RED overdue. */
public enum Light {
    GREEN, AMBER, RED
}
