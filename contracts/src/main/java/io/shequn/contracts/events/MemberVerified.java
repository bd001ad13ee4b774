package io.shequn.contracts.events;

import io.shequn.contracts.EventData;

import java.time.Instant;
import java.util.UUID;

/** {@code member-verified}: a member's identity was verified. Keyed by member. */
public record MemberVerified(
        UUID memberId,
        Instant verifiedAt) implements EventData {

    @Override
    public UUID aggregateId() {
        return memberId;
    }
}
