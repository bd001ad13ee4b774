package io.shequn.group.membership;

import io.shequn.contracts.events.GroupRole;
import io.shequn.contracts.events.JoinVia;
import io.shequn.contracts.events.LeaveReason;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** One membership period: an application, a pending payment, a stay in the group or its end. */
@Schema(name = "Membership")
public record MembershipResponse(
        UUID id,
        UUID groupId,
        UUID memberId,
        @Schema(example = "ACTIVE") MembershipStatus status,
        @Schema(example = "MEMBER") GroupRole role,
        @Schema(example = "OPEN") JoinVia via,
        UUID inviterId,
        @Schema(example = "{\"region\": \"Hangzhou\", \"occupation\": \"designer\"}") Map<String, String> intro,
        Instant requestedAt,
        Instant joinedAt,
        Instant endedAt,
        LeaveReason endReason,
        String endDetail,
        @Schema(description = "Why an application was rejected") String decisionReason) {

    public static MembershipResponse of(Membership m) {
        return new MembershipResponse(m.id, m.groupId, m.memberId, m.status, m.role, m.via, m.inviterId,
                Map.copyOf(m.intro), m.requestedAt, m.joinedAt, m.endedAt, m.endReason, m.endDetail, m.decisionReason);
    }
}
