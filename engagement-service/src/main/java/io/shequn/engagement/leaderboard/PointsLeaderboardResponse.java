package io.shequn.engagement.leaderboard;

import io.shequn.platform.paging.Page;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "PointsLeaderboard")
public record PointsLeaderboardResponse(UUID groupId, Period period, Instant from, Instant to, Page<Entry> ranking) {

    @Schema(name = "PointsLeaderboardEntry")
    public record Entry(@Schema(example = "1") long rank, UUID memberId, @Schema(example = "320") long points) {
    }
}
