package io.shequn.contracts.events;

import io.shequn.contracts.EventData;

import java.time.Instant;
import java.util.UUID;

/** {@code lottery-entered}: a member entered a group's lottery, paying {@code cost} points (0 for a free one). Keyed by group. */
public record LotteryEntered(
        UUID lotteryId,
        UUID groupId,
        UUID memberId,
        long cost,
        Instant enteredAt) implements EventData {

    @Override
    public UUID aggregateId() {
        return groupId;
    }
}
