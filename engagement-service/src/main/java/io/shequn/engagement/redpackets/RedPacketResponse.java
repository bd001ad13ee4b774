package io.shequn.engagement.redpackets;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A red packet as members see it: what has been grabbed, never the shares still waiting. The
 * grabs are listed in the packet itself (at most 1,000); lists of packets leave them out.
 */
@Schema(name = "RedPacket")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RedPacketResponse(
        UUID id,
        UUID groupId,
        UUID senderId,
        @Schema(example = "POINTS") String currency,
        @Schema(example = "888") long totalAmount,
        @Schema(example = "10") int count,
        @Schema(example = "恭喜发财，大吉大利") String greeting,
        @Schema(description = "ACTIVE until every share is grabbed (GRABBED_OUT) or its time runs out (EXPIRED)") Status status,
        @Schema(example = "3") int grabbedCount,
        @Schema(example = "260") long grabbedAmount,
        @Schema(description = "what went back to the sender; present once the packet is finished") Long refundedAmount,
        Instant sentAt,
        Instant expiresAt,
        Instant finishedAt,
        @Schema(description = "the grabs in order; only on a single packet") List<RedPacketGrab> grabs,
        @Schema(description = "手气最佳: the largest share, ties to the earlier grab; once the packet is finished") RedPacketGrab bestLuck) {

    public enum Status { ACTIVE, GRABBED_OUT, EXPIRED }
}
