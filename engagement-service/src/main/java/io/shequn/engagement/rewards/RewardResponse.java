package io.shequn.engagement.rewards;

import io.shequn.engagement.Rows;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "Reward")
public record RewardResponse(
        UUID id,
        @Schema(description = "null for a global reward") UUID groupId,
        String name,
        String description,
        @Schema(example = "500") long cost,
        @Schema(example = "7", description = "left in stock") int stock,
        Integer perMemberLimit,
        Instant activeFrom,
        Instant activeUntil,
        Instant createdAt) {

    static final String COLUMNS = "id, group_id, name, description, cost, stock, per_member_limit, active_from, active_until, created_at";

    static RewardResponse of(Object row) {
        Object[] r = (Object[]) row;
        return new RewardResponse(Rows.uuid(r[0]), Rows.uuid(r[1]), (String) r[2], (String) r[3], Rows.number(r[4]),
                Rows.integer(r[5]), r[6] == null ? null : Rows.integer(r[6]), Rows.instant(r[7]), Rows.instant(r[8]),
                Rows.instant(r[9]));
    }
}
