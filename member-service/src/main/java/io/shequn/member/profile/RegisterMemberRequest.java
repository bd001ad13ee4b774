package io.shequn.member.profile;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** An operator registers a member. */
@Schema(name = "RegisterMemberRequest")
public record RegisterMemberRequest(
        @Schema(example = "Li Lei", required = true)
        @NotBlank @Size(min = 1, max = 64) String displayName,
        @Schema(example = "Hangzhou")
        @Size(max = 64) String region,
        @Schema(example = "product manager")
        @Size(max = 64) String occupation,
        @Schema(example = "[\"photography\", \"hiking\"]")
        @Size(max = 20) List<@NotBlank @Size(max = 32) String> tags) {
}
