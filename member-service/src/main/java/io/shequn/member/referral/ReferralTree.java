package io.shequn.member.referral;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** The members below one member in the referral tree (裂变), with counts per level. */
@Schema(name = "ReferralTree")
public record ReferralTree(
        UUID memberId,
        @Schema(example = "3") int depth,
        @Schema(description = "How many members each level holds; level 1 are the direct referrals") List<Level> levels,
        @Schema(description = "The tree itself, level by level, oldest first") List<Node> referrals,
        @Schema(description = "True when the tree had more than " + ReferralService.MAX_NODES + " members and only the first are listed; counts are always complete")
        boolean truncated) {

    @Schema(name = "ReferralLevel")
    public record Level(@Schema(example = "1") int level, @Schema(example = "12") long count) {
    }

    @Schema(name = "ReferralNode")
    public record Node(UUID memberId, @Schema(example = "Han Meimei", description = "Absent for an erased member") String displayName,
                       Instant registeredAt, List<Node> referrals) {
    }

    @Schema(name = "ReferralSummary")
    public record Summary(UUID memberId, @Schema(example = "12") long direct, @Schema(example = "57") long total) {
    }
}
