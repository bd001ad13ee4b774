package io.shequn.engagement.activities;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.shequn.contracts.events.ActivityStatus;
import io.shequn.contracts.events.ActivityType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "Activity")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ActivityResponse(
        UUID id,
        UUID groupId,
        ActivityType type,
        String title,
        String description,
        UUID hostId,
        String location,
        Instant startsAt,
        Instant endsAt,
        @Schema(description = "places; absent when unlimited") Integer capacity,
        Instant signUpDeadline,
        ActivityStatus status,
        @Schema(description = "1 when scheduled, one more with each change") int version,
        @Schema(example = "48") int signedUp,
        @Schema(example = "12") int waitlisted,
        @Schema(description = "shown to the group's managers, the host and operators") String attendanceCode,
        @Schema(description = "the caller's sign-up, if any") SignUpResponse mySignUp,
        Instant createdAt,
        Instant updatedAt) {
}
