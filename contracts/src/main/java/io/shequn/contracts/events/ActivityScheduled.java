package io.shequn.contracts.events;

import io.shequn.contracts.EventData;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code activity-scheduled}: a group activity as it stands after being scheduled, changed or
 * cancelled ({@code status}). {@code version} counts from 1 and grows with each change, so a
 * consumer keeps the highest it has seen whatever order they arrive in. Keyed by group.
 */
public record ActivityScheduled(
        UUID activityId,
        UUID groupId,
        ActivityType type,
        String title,
        UUID hostId,
        Instant startsAt,
        Instant endsAt,
        Integer capacity,
        String location,
        ActivityStatus status,
        int version,
        Instant changedAt) implements EventData {

    @Override
    public UUID aggregateId() {
        return groupId;
    }
}
