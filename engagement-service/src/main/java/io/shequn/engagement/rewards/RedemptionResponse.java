package io.shequn.engagement.rewards;

import io.shequn.engagement.Rows;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.UUID;

@Schema(name = "Redemption")
public record RedemptionResponse(UUID id, UUID rewardId, UUID memberId, UUID groupId, @Schema(example = "500") long cost,
                                 UUID requestId, Instant redeemedAt) {

    static final String COLUMNS = "id, reward_id, member_id, group_id, cost, request_id, redeemed_at";

    static RedemptionResponse of(Object row) {
        Object[] r = (Object[]) row;
        return new RedemptionResponse(Rows.uuid(r[0]), Rows.uuid(r[1]), Rows.uuid(r[2]), Rows.uuid(r[3]), Rows.number(r[4]),
                Rows.uuid(r[5]), Rows.instant(r[6]));
    }
}
