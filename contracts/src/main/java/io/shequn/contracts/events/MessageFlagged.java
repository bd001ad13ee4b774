package io.shequn.contracts.events;

import io.shequn.contracts.EventData;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** {@code message-flagged}: a posted message matched sensitive words. Keyed by group. */
public record MessageFlagged(
        UUID messageId,
        UUID groupId,
        UUID memberId,
        List<String> matchedWords,
        Instant flaggedAt) implements EventData {

    public MessageFlagged {
        matchedWords = matchedWords == null ? List.of() : List.copyOf(matchedWords);
    }

    @Override
    public UUID aggregateId() {
        return groupId;
    }
}
