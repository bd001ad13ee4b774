package io.shequn.contracts.events;

import io.shequn.contracts.EventData;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code group-health-changed}: analytics re-scored a group ({@code score} 0..100) and its
 * lifecycle stage moved from {@code previousStage} to {@code stage}. Keyed by group.
 */
public record GroupHealthChanged(
        UUID groupId,
        int score,
        LifecycleStage stage,
        LifecycleStage previousStage,
        Instant changedAt) implements EventData {

    @Override
    public UUID aggregateId() {
        return groupId;
    }
}
