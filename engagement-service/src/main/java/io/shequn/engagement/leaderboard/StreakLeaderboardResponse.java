package io.shequn.engagement.leaderboard;

import io.shequn.platform.paging.Page;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.UUID;

@Schema(name = "StreakLeaderboard")
public record StreakLeaderboardResponse(UUID groupId, @Schema(example = "2026-11-23") LocalDate today, Page<Entry> ranking) {

    @Schema(name = "StreakLeaderboardEntry")
    public record Entry(@Schema(example = "1") long rank, UUID memberId, @Schema(example = "12") int currentStreak,
                        LocalDate lastCheckIn) {
    }
}
