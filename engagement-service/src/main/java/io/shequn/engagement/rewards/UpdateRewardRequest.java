package io.shequn.engagement.rewards;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** Changes a reward: fields left out stay as they are. */
@Schema(name = "UpdateRewardRequest")
public record UpdateRewardRequest(
        @Schema(example = "Community T-shirt") @Size(min = 1, max = 100) String name,
        @Size(max = 1000) String description,
        @Schema(example = "400") @Min(1) @Max(1_000_000_000) Long cost,
        @Schema(example = "20", description = "the stock left from now on") @Min(0) @Max(1_000_000) Integer stock,
        @Min(1) @Max(1000) Integer perMemberLimit,
        Instant activeFrom,
        @Schema(description = "set to now or earlier to withdraw the reward") Instant activeUntil) {
}
