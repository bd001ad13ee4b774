package io.shequn.engagement.lotteries;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "Lottery")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record LotteryResponse(
        UUID id,
        UUID groupId,
        @Schema(example = "Weekly draw") String title,
        @Schema(description = "OPEN for entries, CLOSED (entry list fixed and hashed), DRAWN or CANCELLED") Status status,
        @Schema(example = "20") long entryCost,
        Eligibility eligibility,
        List<Prize> prizes,
        Instant entriesCloseAt,
        Instant drawAt,
        @Schema(description = "SHA-256 of the secret seed, hex, published at creation") String seedHash,
        @Schema(description = "SHA-256 of the entry list, hex, once entries have closed") String entryListHash,
        @Schema(example = "42", description = "members who entered so far") int entrants,
        @Schema(description = "whether the caller has entered") boolean entered,
        Instant createdAt,
        Instant closedAt,
        Instant drawnAt,
        Instant cancelledAt,
        @Schema(description = "in draw order, once drawn") List<WinnerResponse> winners) {

    public enum Status { OPEN, CLOSED, DRAWN, CANCELLED }

    @Schema(name = "LotteryPrizeView")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Prize(@Schema(example = "1") int position, String name, int quantity, Long points) {
    }
}
