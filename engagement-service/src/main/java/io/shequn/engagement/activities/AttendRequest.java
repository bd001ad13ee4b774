package io.shequn.engagement.activities;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** Exactly one of: {@code code} (a member marks themselves) or {@code memberId} (a manager marks a member). */
@Schema(name = "AttendRequest")
public record AttendRequest(
        @Schema(description = "the activity's attendance code, as the host reads it out", example = "K7Q2XM") @Size(min = 1, max = 16) String code,
        @Schema(description = "the member a manager marks as present") UUID memberId) {
}
