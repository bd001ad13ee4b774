package io.shequn.contracts.events;

import io.shequn.contracts.EventData;

import java.util.List;
import java.util.UUID;

/**
 * {@code member-updated}: a member profile changed. Carries the whole profile after the change,
 * so a consumer replaces its copy rather than patching it. {@code invitedBy} (optional, added
 * in place as allowed by additive evolution) is set once a member who registered without an
 * invite code claims one. Keyed by member.
 */
public record MemberUpdated(
        UUID memberId,
        String displayName,
        String region,
        String occupation,
        List<String> tags,
        UUID invitedBy) implements EventData {

    public MemberUpdated {
        tags = tags == null ? List.of() : List.copyOf(tags);
    }

    /** A profile change that does not concern who invited the member. */
    public MemberUpdated(UUID memberId, String displayName, String region, String occupation, List<String> tags) {
        this(memberId, displayName, region, occupation, tags, null);
    }

    @Override
    public UUID aggregateId() {
        return memberId;
    }
}
