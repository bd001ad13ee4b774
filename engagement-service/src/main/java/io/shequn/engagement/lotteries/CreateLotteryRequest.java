package io.shequn.engagement.lotteries;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;

/** A lottery of a group: prizes drawn in the order given, among the members who entered before entries closed. */
@Schema(name = "CreateLotteryRequest")
public record CreateLotteryRequest(
        @Schema(example = "Weekly draw", required = true) @NotBlank @Size(max = 100) String title,
        @Schema(required = true, description = "drawn in this order; at most 1,000 units in all")
        @NotNull @Size(min = 1, max = 20) List<@Valid @NotNull PrizeRequest> prizes,
        @Schema(example = "20", description = "points each entry costs, deducted on entry; 0 (the default) is free")
        @Min(0) @Max(1_000_000_000) Long entryCost,
        @Valid Eligibility eligibility,
        @Schema(required = true, description = "entries close at this moment; in the future") @NotNull Instant entriesCloseAt,
        @Schema(required = true, description = "the draw; not before entriesCloseAt") @NotNull Instant drawAt) {
}
