package io.shequn.engagement.lotteries;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/** Everything needed to recompute a lottery's winners (docs/lotteries.md); each part appears once it is public. */
@Schema(name = "LotteryVerification")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerificationResponse(
        UUID lotteryId,
        @Schema(example = LotteryDraw.ALGORITHM) String algorithm,
        LotteryResponse.Status status,
        @Schema(description = "hex, published at creation") String seedHash,
        @Schema(description = "hex, revealed after the draw") String seed,
        @Schema(description = "member ids, sorted as text; once entries have closed") List<UUID> entries,
        @Schema(description = "SHA-256 of the entry list, hex; once entries have closed") String entryListHash,
        @Schema(description = "in draw order") List<LotteryResponse.Prize> prizes,
        @Schema(description = "in draw order, once drawn") List<WinnerResponse> winners) {
}
