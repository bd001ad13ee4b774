package io.shequn.engagement.rewards;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** A reward members buy with points. */
@Schema(name = "CreateRewardRequest")
public record CreateRewardRequest(
        @Schema(example = "Community T-shirt", required = true) @NotBlank @Size(max = 100) String name,
        @Schema(example = "Cotton, size M or L") @Size(max = 1000) String description,
        @Schema(example = "500", required = true, description = "points per redemption") @NotNull @Min(1) @Max(1_000_000_000) Long cost,
        @Schema(example = "10", required = true) @NotNull @Min(0) @Max(1_000_000) Integer stock,
        @Schema(example = "1", description = "redemptions per member; unlimited when absent") @Min(1) @Max(1000) Integer perMemberLimit,
        @Schema(description = "redeemable from; now when absent") Instant activeFrom,
        @Schema(description = "redeemable until; open-ended when absent") Instant activeUntil) {
}
