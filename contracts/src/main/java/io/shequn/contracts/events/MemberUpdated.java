package io.shequn.contracts.events;

import io.shequn.contracts.EventData;

import java.util.List;
import java.util.UUID;

/**
 * {@code member-updated}: a member profile changed. Carries the whole profile after the change,
 * so a consumer replaces its copy rather than patching it. Keyed by member.
 */
public record MemberUpdated(
        UUID memberId,
        String displayName,
        String region,
        String occupation,
        List<String> tags) implements EventData {

    public MemberUpdated {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    @Override
    public UUID aggregateId() {
        return memberId;
    }
}
