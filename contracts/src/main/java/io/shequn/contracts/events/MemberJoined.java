package io.shequn.contracts.events;

import io.shequn.contracts.EventData;

import java.time.Instant;
import java.util.UUID;

/** {@code member-joined}: a member became part of a group. Keyed by group. */
public record MemberJoined(
        UUID groupId,
        UUID memberId,
        GroupRole role,
        JoinVia via,
        UUID inviterId,
        Instant joinedAt) implements EventData {

    @Override
    public UUID aggregateId() {
        return groupId;
    }
}
