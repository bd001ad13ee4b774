package io.shequn.contracts.events;

import io.shequn.contracts.EventData;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code message-posted}: a message was posted in a group, by us or by an external chat bridge.
 * Keyed by group.
 *
 * <p>{@code text} is optional because it is personal data: bridges may leave it out, and
 * {@code length} still lets analytics measure activity without it. {@code mentions} is optional
 * too, so {@code null} (not known) stays distinct from an empty list (nobody mentioned).
 */
public record MessagePosted(
        UUID messageId,
        UUID groupId,
        UUID memberId,
        MessageKind kind,
        String text,
        int length,
        UUID replyTo,
        List<UUID> mentions,
        Instant postedAt) implements EventData {

    public MessagePosted {
        mentions = mentions == null ? null : List.copyOf(mentions);
    }

    @Override
    public UUID aggregateId() {
        return groupId;
    }
}
