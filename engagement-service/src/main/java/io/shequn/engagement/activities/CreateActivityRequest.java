package io.shequn.engagement.activities;

import io.shequn.contracts.events.ActivityType;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** An activity of a group, hosted by one of its members. */
@Schema(name = "CreateActivityRequest")
public record CreateActivityRequest(
        @Schema(required = true, example = "ONLINE_TALK") @NotNull ActivityType type,
        @Schema(required = true, example = "大咖分享：社群运营的第一年") @NotBlank @Size(max = 100) String title,
        @Size(max = 2000) String description,
        @Schema(required = true, description = "a current member of the group, typically a LECTURER or KOL") @NotNull UUID hostId,
        @Schema(required = true, description = "in the future, at most 366 days ahead") @NotNull Instant startsAt,
        @Schema(required = true, description = "after startsAt, at most 30 days later") @NotNull Instant endsAt,
        @Schema(example = "50", description = "places; unlimited when absent. Beyond it members join the waitlist")
        @Min(1) @Max(ActivityService.MAX_CAPACITY) Integer capacity,
        @Schema(description = "sign-ups close then; the start by default, never after the end") Instant signUpDeadline,
        @Schema(example = "杭州市西湖区文三路 1 号", description = "required for an OFFLINE_MEETUP") @Size(min = 1, max = 200) String location) {
}
