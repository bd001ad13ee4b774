package io.shequn.engagement.checkin;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

@Schema(name = "CheckInCalendar")
public record CheckInCalendarResponse(
        UUID groupId,
        @Schema(example = "2026-11") String month,
        @Schema(example = "Asia/Shanghai") String timeZone,
        List<Day> days,
        @Schema(example = "3", description = "0 unless the member checked in today or yesterday") int currentStreak,
        @Schema(example = "12") int longestStreak,
        boolean checkedInToday) {

    @Schema(name = "CheckInDay")
    public record Day(LocalDate day, int streak, long pointsAwarded) {
    }
}
