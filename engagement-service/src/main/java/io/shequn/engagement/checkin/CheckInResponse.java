package io.shequn.engagement.checkin;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

@Schema(name = "CheckIn")
public record CheckInResponse(
        UUID id,
        UUID groupId,
        UUID memberId,
        @Schema(example = "2026-11-23", description = "the day in the group's time zone") LocalDate day,
        @Schema(example = "3", description = "consecutive days including this one") int streak,
        @Schema(example = "14") long pointsAwarded,
        Instant checkedInAt) {
}
