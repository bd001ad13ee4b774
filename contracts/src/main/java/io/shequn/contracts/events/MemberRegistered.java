package io.shequn.contracts.events;

import io.shequn.contracts.EventData;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code member-registered}: a member profile was created. Keyed by member. */
public record MemberRegistered(
        UUID memberId,
        String displayName,
        String region,
        String occupation,
        List<String> tags,
        UUID invitedBy,
        Instant registeredAt) implements EventData {

    public MemberRegistered {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    @Override
    public UUID aggregateId() {
        return memberId;
    }
}
