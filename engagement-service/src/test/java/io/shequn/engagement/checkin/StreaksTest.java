package io.shequn.engagement.checkin;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

class StreaksTest {

    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);

    @Test
    void yesterdaysCheckInExtendsTheStreak() {
        assertThat(Streaks.next(DAY.minusDays(1), 4, DAY)).isEqualTo(5);
    }

    @Test
    void aGapOrNoHistoryStartsAgainAtOne() {
        assertThat(Streaks.next(DAY.minusDays(2), 4, DAY)).isEqualTo(1);
        assertThat(Streaks.next(null, 0, DAY)).isEqualTo(1);
    }

    @Test
    void monthAndYearBoundariesAreConsecutiveDays() {
        assertThat(Streaks.next(LocalDate.of(2026, 2, 28), 2, LocalDate.of(2026, 3, 1))).isEqualTo(3);
        assertThat(Streaks.next(LocalDate.of(2025, 12, 31), 9, LocalDate.of(2026, 1, 1))).isEqualTo(10);
    }

    @Test
    void theCurrentStreakSurvivesUntilTheEndOfTheNextDay() {
        assertThat(Streaks.current(DAY, 3, DAY)).isEqualTo(3);
        assertThat(Streaks.current(DAY, 3, DAY.plusDays(1))).isEqualTo(3);
        assertThat(Streaks.current(DAY, 3, DAY.plusDays(2))).isZero();
        assertThat(Streaks.current(null, 0, DAY)).isZero();
    }
}
