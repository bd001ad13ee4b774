package io.shequn.engagement.points;

import io.shequn.engagement.Rows;

import java.time.Instant;
import java.util.UUID;

/** One applied ledger entry. */
public record PointsEntry(UUID id, UUID memberId, UUID groupId, long delta, long balanceAfter, String reason,
                          UUID referenceId, UUID actorId, String note, Instant createdAt) {

    static PointsEntry of(Object[] row) {
        return new PointsEntry(Rows.uuid(row[0]), Rows.uuid(row[1]), Rows.uuid(row[2]), Rows.number(row[3]),
                Rows.number(row[4]), (String) row[5], Rows.uuid(row[6]), Rows.uuid(row[7]), (String) row[8],
                Rows.instant(row[9]));
    }

    static final String COLUMNS = "id, member_id, group_id, delta, balance_after, reason, reference_id, actor_id, note, created_at";
}
