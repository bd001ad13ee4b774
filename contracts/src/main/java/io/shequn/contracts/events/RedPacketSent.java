package io.shequn.contracts.events;

import io.shequn.contracts.EventData;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code red-packet-sent}: a member sent a red packet of {@code totalAmount} minor units of
 * {@code currency} (an ISO 4217 code, or {@code POINTS} for a packet funded from the sender's
 * points), to be split among the first {@code count} grabbers until {@code expiresAt}. Keyed by group.
 */
public record RedPacketSent(
        UUID packetId,
        UUID groupId,
        UUID senderId,
        String currency,
        long totalAmount,
        int count,
        Instant expiresAt,
        Instant sentAt) implements EventData {

    @Override
    public UUID aggregateId() {
        return groupId;
    }
}
