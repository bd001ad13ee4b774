package io.shequn.engagement.lotteries;

import io.shequn.engagement.Rows;

import java.time.Instant;
import java.util.UUID;

/** A lottery row. The seed never leaves the service before the draw. */
record Lottery(UUID id, UUID groupId, String title, long entryCost, Eligibility eligibility, Instant entriesCloseAt, Instant drawAt,
               byte[] seed, String seedHash, String entryListHash, LotteryResponse.Status status, Instant createdAt,
               Instant closedAt, Instant drawnAt, Instant cancelledAt) {

    static final String COLUMNS = "id, group_id, title, entry_cost, min_check_in_days, min_member_days, require_verified, entries_close_at, "
            + "draw_at, seed, seed_hash, entry_list_hash, status, created_at, closed_at, drawn_at, cancelled_at";

    static Lottery of(Object row) {
        Object[] r = (Object[]) row;
        return new Lottery(Rows.uuid(r[0]), Rows.uuid(r[1]), (String) r[2], Rows.number(r[3]),
                new Eligibility(r[4] == null ? null : Rows.integer(r[4]), r[5] == null ? null : Rows.integer(r[5]), (Boolean) r[6]),
                Rows.instant(r[7]), Rows.instant(r[8]), (byte[]) r[9], (String) r[10], (String) r[11],
                LotteryResponse.Status.valueOf((String) r[12]), Rows.instant(r[13]), Rows.instant(r[14]), Rows.instant(r[15]),
                Rows.instant(r[16]));
    }

    boolean isDrawn() {
        return status == LotteryResponse.Status.DRAWN;
    }

    /** The entry list is fixed and hashed once entries have closed (and on a draw). */
    boolean isClosed() {
        return entryListHash != null;
    }
}
