package io.shequn.contracts.events;

import io.shequn.contracts.EventData;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code red-packet-grabbed}: a member grabbed a share of a red packet in a group. {@code amount}
 * is in minor units of the ISO 4217 {@code currency}, or points when {@code currency} is
 * {@code POINTS}. Keyed by group.
 */
public record RedPacketGrabbed(
        UUID packetId,
        UUID groupId,
        UUID memberId,
        long amount,
        String currency,
        Instant grabbedAt) implements EventData {

    @Override
    public UUID aggregateId() {
        return groupId;
    }
}
