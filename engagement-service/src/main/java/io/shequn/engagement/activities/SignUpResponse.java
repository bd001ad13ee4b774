package io.shequn.engagement.activities;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

/** A place in the sign-up chain (接龙): signed-up members are numbered 1, 2, … in sign-up order, the waitlist after them. */
@Schema(name = "SignUp")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SignUpResponse(
        UUID activityId,
        UUID memberId,
        Status status,
        @Schema(example = "7", description = "the member's number in the chain, when signed up") Integer number,
        @Schema(example = "3", description = "the place in the waitlist, when waitlisted") Integer waitlistPosition,
        Instant signedUpAt,
        @Schema(description = "when the member moved from the waitlist to a place") Instant promotedAt) {

    public enum Status { SIGNED_UP, WAITLISTED, CANCELLED }
}
