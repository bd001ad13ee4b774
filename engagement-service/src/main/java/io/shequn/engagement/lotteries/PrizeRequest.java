package io.shequn.engagement.lotteries;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A prize: {@code quantity} winners each get it; {@code points}, if set, are credited to each. */
@Schema(name = "LotteryPrize")
public record PrizeRequest(
        @Schema(example = "Signed book", required = true) @NotBlank @Size(max = 64) String name,
        @Schema(example = "3", required = true) @NotNull @Min(1) @Max(LotteryService.MAX_UNITS) Integer quantity,
        @Schema(example = "500", description = "points credited to each winner of this prize") @Min(1) @Max(1_000_000_000) Long points) {
}
