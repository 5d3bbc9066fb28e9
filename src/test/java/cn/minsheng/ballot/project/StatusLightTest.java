package cn.minsheng.ballot.project;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import org.junit.jupiter.api.Test;

import cn.minsheng.ballot.project.StatusLight.MilestoneState;

class StatusLightTest {

    private static final LocalDate TODAY = LocalDate.of(2027, 7, 1);
    private static final LocalDate START = LocalDate.of(2027, 1, 1);
    private static final LocalDate END = LocalDate.of(2027, 12, 31);

    private static Light light(double progress, MilestoneState... milestones) {
        return StatusLight.of(TODAY, START, END, BigDecimal.valueOf(progress), List.of(milestones), 15, 14);
    }

    private static MilestoneState due(LocalDate on, double progress) {
        return new MilestoneState(on, BigDecimal.valueOf(progress));
    }

    @Test
    void greenWhenOnTrack() {
        // 181 of 364 days elapsed: 49.72% expected
        assertEquals(Light.GREEN, light(40, due(TODAY.plusDays(30), 60)));
        assertEquals(Light.GREEN, StatusLight.of(TODAY, null, null, BigDecimal.ZERO, List.of(), 15, 14));
    }

    @Test
    void amberWhenLaggingByMoreThanTheMarginOrADueDateIsNear() {
        assertEquals(Light.AMBER, light(34.71));
        assertEquals(Light.GREEN, light(34.72));
        assertEquals(Light.AMBER, light(80, due(TODAY.plusDays(14), 99)));
        assertEquals(Light.GREEN, light(80, due(TODAY.plusDays(15), 99)));
        assertEquals(Light.GREEN, light(80, due(TODAY.plusDays(3), 100)));
    }

    @Test
    void redWhenAMilestoneIsOverdueAndUnfinished() {
        assertEquals(Light.RED, light(90, due(TODAY.minusDays(1), 99.99)));
        assertEquals(Light.AMBER, light(90, due(TODAY, 50)));
        assertEquals(Light.GREEN, light(90, due(TODAY.minusDays(1), 100)));
    }
}
