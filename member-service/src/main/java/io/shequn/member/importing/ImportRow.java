package io.shequn.member.importing;

import io.shequn.member.profile.MemberProfileRequest;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** One member to import: the profile fields of {@link MemberProfileRequest} plus the source system's id. */
@Schema(name = "ImportRow")
public record ImportRow(
        @Schema(required = true, example = "crm-000731", description = "The member's id in the source system, at most 128 characters; re-importing it updates the same member")
        String externalId,
        @Schema(required = true, example = "Li Lei") String displayName,
        @Schema(example = "Hangzhou") String region,
        @Schema(example = "product manager") String occupation,
        @Schema(example = "[\"photography\"]") List<String> tags,
        @Schema(example = "Weekend hiker.") String bio,
        @Schema(example = "13812345678") String phone,
        @Schema(example = "lilei@example.com") String email,
        @Schema(example = "K7M2Q9XD", description = "Who invited the member; counts when the member is created") String inviteCode) {

    MemberProfileRequest profile() {
        return new MemberProfileRequest(displayName, region, occupation, tags, bio, phone, email, inviteCode);
    }
}
