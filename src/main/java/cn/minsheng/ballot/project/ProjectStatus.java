package cn.minsheng.ballot.project;

/** RECTIFYING: rated UNSATISFIED, under rectification until re-evaluated. CARRIED_OVER: continued as next year's project. */
public enum ProjectStatus {
    IN_PROGRESS, SUSPENDED, TERMINATED, RECTIFYING, CLOSED, CARRIED_OVER
}
