package io.shequn.analytics.overview;

import io.shequn.analytics.revenue.Revenue;
import java.util.List;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Overview", description = "Suite-wide figures")
public record Overview(@Schema(description = "Members ever registered", example = "1024") long totalMembers,
                       @Schema(description = "Members whose identity was verified", example = "300") long verifiedMembers,
                       @Schema(description = "GMV per currency: every purchase, attributed to a group or not") List<Revenue> gmv) {
}
