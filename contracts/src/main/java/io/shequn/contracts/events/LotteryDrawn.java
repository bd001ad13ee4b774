package io.shequn.contracts.events;

import io.shequn.contracts.EventData;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code lottery-drawn}: a group's lottery was drawn among {@code entrants} members. With the
 * revealed {@code seed} (hex), the {@code seedHash} published at creation and the
 * {@code entryListHash} published when entries closed, anyone holding the entry list can recompute
 * the winners (docs/lotteries.md). Winners are listed in draw order. Keyed by group.
 */
public record LotteryDrawn(
        UUID lotteryId,
        UUID groupId,
        String title,
        int entrants,
        String seedHash,
        String seed,
        String entryListHash,
        List<Winner> winners,
        Instant drawnAt) implements EventData {

    public LotteryDrawn {
        winners = winners == null ? List.of() : List.copyOf(winners);
    }

    @Override
    public UUID aggregateId() {
        return groupId;
    }

    /** One winner: the prize (by its position in the lottery, 1-based, and its name) and the points it credited, if any. */
    public record Winner(UUID memberId, int prizePosition, String prize, Long points) {
    }
}
