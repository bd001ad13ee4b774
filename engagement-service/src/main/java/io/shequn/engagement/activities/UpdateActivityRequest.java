package io.shequn.engagement.activities;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** Changes an activity: fields left out stay as they are. The type cannot change. */
@Schema(name = "UpdateActivityRequest")
public record UpdateActivityRequest(
        @Size(min = 1, max = 100) String title,
        @Size(max = 2000) String description,
        UUID hostId,
        Instant startsAt,
        Instant endsAt,
        @Schema(description = "not below the members signed up; a larger one promotes from the waitlist at once")
        @Min(1) @Max(ActivityService.MAX_CAPACITY) Integer capacity,
        Instant signUpDeadline,
        @Size(min = 1, max = 200) String location) {
}
