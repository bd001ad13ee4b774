package io.shequn.engagement.moderation;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@Schema(name = "SensitiveWordsAdded")
public record SensitiveWordsAdded(UUID groupId, @Schema(example = "2") int saved, @Schema(example = "10002") long listSize) {
}
