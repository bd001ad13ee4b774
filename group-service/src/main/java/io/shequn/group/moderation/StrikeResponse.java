package io.shequn.group.moderation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "Strike")
public record StrikeResponse(UUID id, UUID groupId, UUID memberId, UUID messageId,
                             @Schema(example = "[\"加微信\"]") List<String> matchedWords, Instant flaggedAt,
                             @Schema(description = "Set when an admin cleared the strike; cleared strikes do not count")
                             Instant clearedAt, UUID clearedBy) {
}
