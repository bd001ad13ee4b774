package io.shequn.engagement.moderation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "SensitiveWord")
public record SensitiveWordResponse(UUID id, UUID groupId, @Schema(example = "代开发票") String word, WordAction action,
                                    UUID createdBy, Instant createdAt) {
}
