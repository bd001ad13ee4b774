package io.shequn.engagement.points;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "PointsEntry")
public record PointsEntryResponse(
        UUID id,
        UUID groupId,
        @Schema(example = "12") long delta,
        @Schema(example = "112") long balanceAfter,
        @Schema(example = "CHECK_IN") String reason,
        @Schema(description = "what caused it: a check-in, a message, an order, a redemption, ...") UUID referenceId,
        @Schema(description = "the operator who granted or deducted") UUID actorId,
        String note,
        Instant createdAt) {

    static PointsEntryResponse of(PointsEntry entry) {
        return new PointsEntryResponse(entry.id(), entry.groupId(), entry.delta(), entry.balanceAfter(), entry.reason(),
                entry.referenceId(), entry.actorId(), entry.note(), entry.createdAt());
    }
}
