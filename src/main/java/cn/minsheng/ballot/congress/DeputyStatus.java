package cn.minsheng.ballot.congress;

import java.util.Arrays;
import java.util.Optional;

/**
 * 在册 (in office) / 暂停执行代表职务 (suspended) / 代表资格终止 (terminated). Leave (请假) is not a roster
 * status: it is attendance, recorded per session.
 */
public enum DeputyStatus {
    SEATED("在册"), SUSPENDED("暂停执行代表职务"), TERMINATED("终止");

    private final String label;

    DeputyStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /**
     * Accepts the English name or the Chinese label, as rosters carry either, and 暂停 for short. A
     * roster still saying 请假 / ON_LEAVE means a deputy in office (leave is recorded per session).
     */
    public static Optional<DeputyStatus> parse(String text) {
        String t = text.trim();
        if (t.equals("请假") || t.equalsIgnoreCase("ON_LEAVE")) {
            return Optional.of(SEATED);
        }
        if (t.equals("暂停")) {
            return Optional.of(SUSPENDED);
        }
        return Arrays.stream(values()).filter(s -> s.name().equalsIgnoreCase(t) || s.label.equals(t)).findFirst();
    }
}
