package io.shequn.contracts.events;

import io.shequn.contracts.EventData;

import java.time.Instant;
import java.util.UUID;

/**
 * {@code member-erased}: a member asked to be forgotten; every service drops that member's
 * personal data. Keyed by member.
 */
public record MemberErased(
        UUID memberId,
        Instant erasedAt) implements EventData {

    @Override
    public UUID aggregateId() {
        return memberId;
    }
}
