package io.shequn.group.membership;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A decision that must say why: a rejection, a removal. */
@Schema(name = "ReasonRequest")
public record ReasonRequest(
        @Schema(required = true, example = "Posted ads twice") @NotBlank @Size(max = 500) String reason) {
}
