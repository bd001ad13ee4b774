package io.shequn.engagement.activities;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static org.assertj.core.api.Assertions.assertThat;

class AttendanceWindowTest {

    private static final Instant START = Instant.parse("2026-11-23T12:00:00Z");
    private static final Instant END = START.plus(Duration.ofHours(2));

    @Test
    void theCodeWorksFromFifteenMinutesBeforeTheStartUntilTheEnd() {
        assertThat(AttendanceWindow.openForCode(START, END, START.minusSeconds(15 * 60 + 1))).isFalse();
        assertThat(AttendanceWindow.openForCode(START, END, START.minusSeconds(15 * 60))).isTrue();
        assertThat(AttendanceWindow.openForCode(START, END, START.plusSeconds(3600))).isTrue();
        assertThat(AttendanceWindow.openForCode(START, END, END)).isTrue();
        assertThat(AttendanceWindow.openForCode(START, END, END.plusMillis(1))).isFalse();
    }

    @Test
    void managersMayAlsoMarkAfterTheEndButNeverBeforeTheWindow() {
        assertThat(AttendanceWindow.openForManager(START, START.minusSeconds(15 * 60 + 1))).isFalse();
        assertThat(AttendanceWindow.openForManager(START, START.minusSeconds(15 * 60))).isTrue();
        assertThat(AttendanceWindow.openForManager(START, END.plus(Duration.ofDays(3)))).isTrue();
    }

    @Test
    void codesHaveNoLookAlikesAndMatchInAnyCase() {
        for (int i = 0; i < 1_000; i++) {
            String code = AttendanceCode.next();
            assertThat(code).hasSize(6).doesNotContainAnyWhitespaces().matches("[2-9A-HJKMNP-Z]{6}");
            assertThat(AttendanceCode.matches(code, code.toLowerCase())).isTrue();
            assertThat(AttendanceCode.matches(code, " " + code + " ")).isTrue();
        }
        assertThat(AttendanceCode.matches("K7Q2XM", "K7Q2XN")).isFalse();
        assertThat(AttendanceCode.matches("K7Q2XM", null)).isFalse();
    }
}
