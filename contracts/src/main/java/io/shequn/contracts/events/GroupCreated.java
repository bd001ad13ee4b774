package io.shequn.contracts.events;

import io.shequn.contracts.EventData;

import java.time.Instant;
import java.time.ZoneId;
import java.util.UUID;

/**
 * {@code group-created}: a group was created. Keyed by group.
 *
 * <p>{@code timeZone} is a {@link ZoneId} rather than a string because every consumer needs it
 * to turn instants into the group's days; an unknown zone then fails at parse time, not later.
 */
public record GroupCreated(
        UUID groupId,
        String name,
        GroupType type,
        UUID ownerId,
        ZoneId timeZone,
        UUID templateId,
        Instant createdAt) implements EventData {

    @Override
    public UUID aggregateId() {
        return groupId;
    }
}
