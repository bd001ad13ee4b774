package io.shequn.contracts.events;

import io.shequn.contracts.EventData;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code points-changed}: a member's points balance moved by {@code delta} (negative when spent)
 * to {@code balance}. {@code reason} is an open code (e.g. {@code CHECK_IN}) rather than an enum
 * because services add new ways to earn and spend points without a contract change;
 * {@code referenceId} is the id of what caused it. Keyed by member: points may exist outside any group.
 */
public record PointsChanged(
        UUID memberId,
        UUID groupId,
        long delta,
        long balance,
        String reason,
        UUID referenceId,
        Instant changedAt) implements EventData {

    @Override
    public UUID aggregateId() {
        return memberId;
    }
}
