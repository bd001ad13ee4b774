package io.shequn.contracts.events;

import io.shequn.contracts.EventData;

import java.time.Instant;
import java.util.UUID;

/** {@code activity-attended}: a member attended a group activity. Keyed by group. */
public record ActivityAttended(
        UUID activityId,
        UUID groupId,
        UUID memberId,
        Instant attendedAt) implements EventData {

    @Override
    public UUID aggregateId() {
        return groupId;
    }
}
