package io.shequn.engagement.redpackets;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A red packet: {@code totalAmount} split among the first {@code count} grabbers. */
@Schema(name = "SendRedPacketRequest")
public record SendRedPacketRequest(
        @Schema(example = "888", required = true,
                description = "minor units of the currency (fen, cents) or points; at least count, so every share gets 1")
        @NotNull @Min(1) @Max(RedPacketService.MAX_TOTAL) Long totalAmount,
        @Schema(example = "10", required = true, description = "how many shares, 1 to 1000")
        @NotNull @Min(1) @Max(RedPacketSplitter.MAX_COUNT) Integer count,
        @Schema(example = "POINTS", required = true,
                description = "POINTS: funded at once from the sender's points, any member may send. An ISO 4217 code (CNY, USD): "
                        + "recorded for an external payout system, the group's owner and admins and operators only")
        @NotNull @Pattern(regexp = "POINTS|[A-Z]{3}", message = "must be POINTS or an ISO 4217 code") String currency,
        @Schema(example = "恭喜发财，大吉大利") @Size(max = 64) String greeting,
        @Schema(example = "1440", description = "minutes until unclaimed shares go back to the sender; 1 to 1440 (24 h), default 1440")
        @Min(1) @Max(RedPacketService.MAX_EXPIRY_MINUTES) Integer expiresInMinutes) {
}
