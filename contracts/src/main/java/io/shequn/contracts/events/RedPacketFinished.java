package io.shequn.contracts.events;

import io.shequn.contracts.EventData;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code red-packet-finished}: a red packet was grabbed out or expired. {@code refundedAmount}
 * (the part nobody grabbed) went back to the sender; {@code grabbedAmount + refundedAmount =
 * totalAmount}. The best luck (手气最佳) is the largest share, ties to the earlier grab; absent
 * when nobody grabbed. Keyed by group.
 */
public record RedPacketFinished(
        UUID packetId,
        UUID groupId,
        UUID senderId,
        String currency,
        long totalAmount,
        int count,
        int grabbedCount,
        long grabbedAmount,
        long refundedAmount,
        RedPacketFinish reason,
        UUID bestLuckMemberId,
        Long bestLuckAmount,
        Instant finishedAt) implements EventData {

    @Override
    public UUID aggregateId() {
        return groupId;
    }
}
