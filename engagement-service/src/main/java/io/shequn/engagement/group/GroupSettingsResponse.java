package io.shequn.engagement.group;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@Schema(name = "GroupRules")
public record GroupSettingsResponse(
        UUID groupId,
        @Schema(example = "Asia/Shanghai") String timeZone,
        @Schema(example = "10") long checkInBasePoints,
        @Schema(example = "2") long checkInStreakStep,
        @Schema(example = "20") long checkInStreakCap,
        @Schema(example = "50") long checkInWeeklyBonus,
        @Schema(example = "1") long messagePoints,
        @Schema(example = "20") long messageDailyCap,
        @Schema(example = "20") long activityAttendancePoints) {

    static GroupSettingsResponse of(GroupSettings settings) {
        return new GroupSettingsResponse(settings.groupId(), settings.timeZone().getId(),
                settings.checkInRule().basePoints(), settings.checkInRule().streakStep(), settings.checkInRule().streakCap(),
                settings.checkInRule().weeklyBonus(), settings.messagePoints(), settings.messageDailyCap(),
                settings.activityAttendancePoints());
    }
}
