package io.shequn.member.profile;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import io.shequn.member.referral.InviteCodes;

import java.util.List;

/**
 * A member's self-introduction (名字-地区-职业 plus tags and a bio) and contact details, as sent to
 * register, to update a profile, or as one row of an import. {@code inviteCode} names who invited
 * the member; it counts when the profile is created or, once, for a member who has no inviter yet.
 */
@Schema(name = "MemberProfileRequest")
public record MemberProfileRequest(
        @Schema(example = "Li Lei", required = true)
        @NotBlank @Size(max = 64) String displayName,
        @Schema(example = "Hangzhou")
        @Size(max = 64) String region,
        @Schema(example = "product manager")
        @Size(max = 64) String occupation,
        @Schema(example = "[\"photography\", \"hiking\"]", description = "At most 20; normalised to lower case and deduplicated")
        @Size(max = 20) List<@NotBlank @Size(max = 32) String> tags,
        @Schema(example = "Ten years in product design, weekend hiker, happy to review portfolios.")
        @Size(max = 500) String bio,
        @Schema(example = "13812345678", description = "Digits with an optional leading +; shown whole only to the member and operators")
        @Pattern(regexp = "^\\+?[0-9]{6,15}$", message = "must be 6 to 15 digits with an optional leading +") String phone,
        @Schema(example = "lilei@example.com", description = "Shown whole only to the member and operators")
        @Email(regexp = ".+@.+\\..+", message = "must be an email address") @Size(max = 254) String email,
        @Schema(example = "K7M2Q9XD", description = "An invite code of the member who invited this one")
        @Pattern(regexp = "^[" + InviteCodes.CHARACTERS + InviteCodes.LOWER_CASE + "]{8}$", message = "must be an 8-character invite code") String inviteCode) {
}
