package io.shequn.group.membership;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;

/** The caller asks to join a group: an invite code for INVITE_ONLY (optional elsewhere), intro answers when required. */
@Schema(name = "JoinRequest")
public record JoinRequest(
        @Schema(example = "K7Q2M9XA") @Size(max = 32) String inviteCode,
        @Schema(example = "{\"region\": \"Hangzhou\", \"occupation\": \"designer\"}")
        @Size(max = 10) Map<@NotNull @Size(max = 32) String, @NotNull @Size(max = 500) String> intro) {
}
