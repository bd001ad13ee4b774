package io.shequn.analytics.overview;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

@Schema(name = "Overview", description = "Suite-wide figures")
public record Overview(@Schema(description = "Members ever registered", example = "1024") long totalMembers) {
}
