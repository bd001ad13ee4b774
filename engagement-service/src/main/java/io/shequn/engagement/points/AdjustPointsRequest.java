package io.shequn.engagement.points;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

/** An operator grants (delta &gt; 0) or deducts (delta &lt; 0) points, saying why. */
@Schema(name = "AdjustPointsRequest")
public record AdjustPointsRequest(
        @Schema(example = "100", required = true, description = "positive grants, negative deducts; never 0")
        @NotNull @Min(-1_000_000_000) @Max(1_000_000_000) Long delta,
        @Schema(example = "winner of the March photo contest", required = true)
        @NotBlank @Size(max = 200) String reason,
        @Schema(description = "the group the adjustment belongs to, if any") UUID groupId,
        @Schema(description = "idempotency key: the same key applies once; random when absent") UUID referenceId) {
}
