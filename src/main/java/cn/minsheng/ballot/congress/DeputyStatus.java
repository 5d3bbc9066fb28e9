package cn.minsheng.ballot.congress;

import java.util.Arrays;
import java.util.Optional;

/** 在册 / 请假 (for one session) / 终止 */
public enum DeputyStatus {
    SEATED("在册"), ON_LEAVE("请假"), TERMINATED("终止");

    private final String label;

    DeputyStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Accepts the English name or the Chinese label, as rosters carry either. */
    public static Optional<DeputyStatus> parse(String text) {
        String t = text.trim();
        return Arrays.stream(values()).filter(s -> s.name().equalsIgnoreCase(t) || s.label.equals(t)).findFirst();
    }
}
