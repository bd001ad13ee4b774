package io.shequn.engagement.lotteries;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "LotteryEntry")
public record EntryResponse(UUID lotteryId, UUID memberId, @Schema(example = "20") long cost, Instant enteredAt) {
}
