package io.shequn.contracts.events;

import io.shequn.contracts.EventData;

import java.time.Instant;
import java.util.UUID;

/** {@code member-role-changed}: a member's role in a group changed to {@code role}. Keyed by group. */
public record MemberRoleChanged(
        UUID groupId,
        UUID memberId,
        GroupRole role,
        UUID changedBy,
        Instant changedAt) implements EventData {

    @Override
    public UUID aggregateId() {
        return groupId;
    }
}
