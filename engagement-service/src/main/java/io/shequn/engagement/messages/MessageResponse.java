package io.shequn.engagement.messages;

import io.shequn.contracts.events.MessageKind;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "Message")
public record MessageResponse(
        UUID id,
        UUID groupId,
        UUID memberId,
        MessageKind kind,
        String text,
        @Schema(example = "18") int length,
        UUID replyTo,
        List<UUID> mentions,
        @Schema(example = "VISIBLE", description = "VISIBLE, or FLAGGED when it matched a FLAG word (kept, reviewed by moderators)")
        String status,
        @Schema(description = "the sensitive words it matched") List<String> matchedWords,
        Instant postedAt) {

    static MessageResponse of(Message message) {
        return new MessageResponse(message.id, message.groupId, message.memberId, message.kind, message.text, message.length,
                message.replyTo, message.mentions == null ? null : List.copyOf(message.mentions), message.status.name(),
                List.copyOf(message.matchedWords), message.postedAt);
    }
}
