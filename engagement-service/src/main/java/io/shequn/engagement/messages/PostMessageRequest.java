package io.shequn.engagement.messages;

import io.shequn.contracts.events.MessageKind;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;
import java.util.UUID;

/** A member posts a message to a group. TEXT and LINK messages need text. */
@Schema(name = "PostMessageRequest")
public record PostMessageRequest(
        @Schema(example = "TEXT", required = true) @NotNull MessageKind kind,
        @Schema(example = "大家早上好！今天的分享主题是……") @Size(max = 4000) String text,
        @Schema(description = "the message this one answers, a message of the same group") UUID replyTo,
        @Schema(description = "members mentioned, current members of the group") @Size(max = 500) List<@NotNull UUID> mentions) {
}
