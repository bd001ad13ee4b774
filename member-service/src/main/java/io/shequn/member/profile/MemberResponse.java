package io.shequn.member.profile;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

@Schema(name = "Member")
public record MemberResponse(
        UUID id,
        @Schema(example = "Li Lei") String displayName,
        @Schema(example = "Hangzhou") String region,
        @Schema(example = "product manager") String occupation,
        @Schema(example = "[\"photography\", \"hiking\"]") List<String> tags,
        Instant registeredAt) {

    static MemberResponse of(Member member) {
        return new MemberResponse(member.id, member.displayName, member.region, member.occupation,
                List.copyOf(member.tags), member.registeredAt);
    }
}
