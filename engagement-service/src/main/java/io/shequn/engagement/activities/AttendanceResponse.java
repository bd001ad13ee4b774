package io.shequn.engagement.activities;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "Attendance")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AttendanceResponse(
        UUID activityId,
        UUID memberId,
        Instant attendedAt,
        @Schema(description = "the manager who marked it; absent when the member used the code") UUID markedBy,
        @Schema(example = "20") long pointsAwarded) {
}
