package io.shequn.group.membership;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@Schema(name = "BanRequest")
public record BanRequest(
        @Schema(required = true) @NotNull UUID memberId,
        @Schema(required = true, example = "Spam") @NotBlank @Size(max = 500) String reason) {
}
