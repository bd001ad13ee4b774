package io.shequn.analytics.revenue;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Purchases and their amount in one currency (minor units: fen, cents). */
@Schema(name = "Revenue")
public record Revenue(@Schema(example = "CNY") String currency,
                      @Schema(example = "12") long purchases,
                      @Schema(example = "358800", description = "Minor units") long amount) {
}
