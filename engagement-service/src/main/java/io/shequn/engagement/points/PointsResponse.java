package io.shequn.engagement.points;

import io.shequn.platform.paging.Page;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.UUID;

@Schema(name = "Points")
public record PointsResponse(UUID memberId, @Schema(example = "112") long balance, Page<PointsEntryResponse> history) {
}
