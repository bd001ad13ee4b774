package io.shequn.contracts.events;

import io.shequn.contracts.EventData;

import java.time.Instant;
import java.util.UUID;

/** {@code member-left}: a member is no longer part of a group. Keyed by group. */
public record MemberLeft(
        UUID groupId,
        UUID memberId,
        LeaveReason reason,
        String detail,
        Instant leftAt) implements EventData {

    @Override
    public UUID aggregateId() {
        return groupId;
    }
}
