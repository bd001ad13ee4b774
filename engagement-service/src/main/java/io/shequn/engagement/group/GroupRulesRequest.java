package io.shequn.engagement.group;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The owner or an admin sets how check-ins and messages earn points in their group. */
@Schema(name = "GroupRulesRequest")
public record GroupRulesRequest(
        @Schema(example = "10", description = "points of every check-in") @NotNull @Min(0) @Max(100_000) Long checkInBasePoints,
        @Schema(example = "2", description = "extra points per consecutive day after the first") @NotNull @Min(0) @Max(100_000) Long checkInStreakStep,
        @Schema(example = "20", description = "the streak extra never exceeds this") @NotNull @Min(0) @Max(100_000) Long checkInStreakCap,
        @Schema(example = "50", description = "bonus on every 7th consecutive day") @NotNull @Min(0) @Max(100_000) Long checkInWeeklyBonus,
        @Schema(example = "1", description = "points per message") @NotNull @Min(0) @Max(100_000) Long messagePoints,
        @Schema(example = "20", description = "at most this many message points per member per day") @NotNull @Min(0) @Max(1_000_000) Long messageDailyCap,
        @Schema(example = "20", description = "points for attending an activity; left out, it stays as it is")
        @Min(0) @Max(100_000) Long activityAttendancePoints) {
}
