package io.shequn.platform.time;

import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZoneOffset;

import static org.assertj.core.api.Assertions.assertThat;

class MovableClockTest {

    private static final Instant REAL = Instant.parse("2026-12-02T00:00:00Z");

    private final MovableClock clock = new MovableClock(Clock.fixed(REAL, ZoneOffset.UTC));

    @Test
    void readsTheSystemClockUntilMovedThenRunsFromTheMovedInstant() {
        assertThat(clock.instant()).isEqualTo(REAL);
        assertThat(clock.moveTo(REAL.plus(Duration.ofDays(3)))).isEmpty();
        assertThat(clock.instant()).isEqualTo(REAL.plus(Duration.ofDays(3)));
        assertThat(clock.offset()).isEqualTo(Duration.ofDays(3));
    }

    @Test
    void neverRunsBackwards() {
        clock.moveTo(REAL.plus(Duration.ofDays(2)));
        assertThat(clock.moveTo(REAL.plus(Duration.ofDays(1)))).contains(REAL.plus(Duration.ofDays(2)));
        assertThat(clock.moveTo(REAL.minusSeconds(1))).contains(REAL.plus(Duration.ofDays(2)));
        assertThat(clock.instant()).isEqualTo(REAL.plus(Duration.ofDays(2)));
    }

    /** A service takes a zoned view once (a group's day in Asia/Shanghai) and reads it later: it must follow every move. */
    @Test
    void aZonedViewTakenBeforeAMoveFollowsIt() {
        Clock shanghai = clock.withZone(ZoneId.of("Asia/Shanghai"));
        assertThat(LocalDate.now(shanghai)).isEqualTo(LocalDate.of(2026, 12, 2));
        assertThat(((MovableClock) shanghai.withZone(ZoneId.of("Europe/Berlin"))).moveTo(REAL.plus(Duration.ofDays(10)))).isEmpty();
        assertThat(LocalDate.now(shanghai)).isEqualTo(LocalDate.of(2026, 12, 12));
        assertThat(clock.instant()).isEqualTo(REAL.plus(Duration.ofDays(10)));
    }

    /** A restarted service resumes the offset saved by its last move (or a replica's later one), never an earlier one. */
    @Test
    void resumingASavedMoveNeverGoesBack() {
        clock.moveTo(REAL.plus(Duration.ofDays(3)));
        clock.resume(Duration.ofDays(1));
        assertThat(clock.instant()).isEqualTo(REAL.plus(Duration.ofDays(3)));
        clock.resume(Duration.ofDays(5));
        assertThat(clock.instant()).isEqualTo(REAL.plus(Duration.ofDays(5)));
    }
}
