package io.shequn.contracts.events;

import io.shequn.contracts.EventData;

import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/**
 * {@code checked-in}: a member checked in to a group for {@code day} (in the group's time zone);
 * {@code streak} counts consecutive days including this one. Keyed by group.
 */
public record CheckedIn(
        UUID groupId,
        UUID memberId,
        LocalDate day,
        int streak,
        long pointsAwarded,
        Instant checkedInAt) implements EventData {

    @Override
    public UUID aggregateId() {
        return groupId;
    }
}
