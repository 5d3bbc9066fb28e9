package cn.minsheng.ballot.project;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * The status light of one project, from its plan and milestones on a given day. RED when a
 * milestone is overdue and unfinished; AMBER when progress lags the elapsed share of the plan by
 * more than {@code marginPercent} points, or an unfinished milestone falls due within
 * {@code soonDays}; otherwise GREEN.
 */
public final class StatusLight {

    public record MilestoneState(LocalDate dueOn, BigDecimal progress) {
        boolean unfinished() {
            return progress.compareTo(BigDecimal.valueOf(100)) < 0;
        }
    }

    private StatusLight() {
    }

    public static Light of(LocalDate today, LocalDate startsOn, LocalDate endsOn, BigDecimal progress,
            List<MilestoneState> milestones, int marginPercent, int soonDays) {
        if (milestones.stream().anyMatch(m -> m.unfinished() && m.dueOn().isBefore(today))) {
            return Light.RED;
        }
        if (milestones.stream().anyMatch(m -> m.unfinished() && !m.dueOn().isAfter(today.plusDays(soonDays)))) {
            return Light.AMBER;
        }
        if (startsOn != null && endsOn != null && endsOn.isAfter(startsOn)) {
            long total = ChronoUnit.DAYS.between(startsOn, endsOn);
            long elapsed = Math.max(0, Math.min(total, ChronoUnit.DAYS.between(startsOn, today)));
            BigDecimal expected = BigDecimal.valueOf(elapsed * 100).divide(BigDecimal.valueOf(total), 2, java.math.RoundingMode.DOWN);
            if (expected.subtract(progress).compareTo(BigDecimal.valueOf(marginPercent)) > 0) {
                return Light.AMBER;
            }
        }
        return Light.GREEN;
    }
}
