package io.shequn.analytics.revenue;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Purchases and their amount in one currency (minor units: fen, cents). */
@Schema(name = "Revenue")
public record Revenue(@Schema(example = "CNY") String currency,
                      @Schema(example = "12") long purchases,
                      @Schema(example = "358800", description = "Minor units") long amount) {

    /** From a query row of currency (char(3), blank-padded), purchase count and amount, starting at {@code first}. */
    public static Revenue fromRow(Object[] row, int first) {
        return new Revenue(((String) row[first]).strip(), ((Number) row[first + 1]).longValue(), ((Number) row[first + 2]).longValue());
    }
}
