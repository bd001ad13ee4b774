package io.shequn.member.profile;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * A member as a caller may see it. The member and operators see everything; other members see
 * the public profile with phone and email masked and without the invite code or the
 * verification reference. An erased member is a tombstone: id, registration time, {@code erased}.
 */
@Schema(name = "Member")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MemberResponse(
        UUID id,
        @Schema(example = "Li Lei") String displayName,
        @Schema(example = "Hangzhou") String region,
        @Schema(example = "product manager") String occupation,
        @Schema(example = "[\"photography\", \"hiking\"]") List<String> tags,
        @Schema(example = "Ten years in product design, weekend hiker.") String bio,
        @Schema(example = "138****5678", description = "Whole for the member and operators, masked for others") String phone,
        @Schema(example = "l***@example.com", description = "Whole for the member and operators, masked for others") String email,
        Verification verification,
        @Schema(example = "K7M2Q9XD", description = "Only for the member and operators") String inviteCode,
        UUID invitedBy,
        Instant registeredAt,
        Instant updatedAt,
        @Schema(description = "True for the tombstone of an erased member") boolean erased) {

    /** Whether and how the member's identity was verified. */
    @Schema(name = "Verification")
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record Verification(boolean verified,
                               @Schema(example = "ID_CARD") String method,
                               @Schema(description = "Only for the member and operators") String reference,
                               Instant verifiedAt) {
    }

    public static MemberResponse of(Member member, boolean fullView) {
        if (member.isErased()) {
            return new MemberResponse(member.id, null, null, null, null, null, null, null, null, null, null,
                    member.registeredAt, member.updatedAt, true);
        }
        Verification verification = new Verification(member.verifiedAt != null, member.verificationMethod,
                fullView ? member.verificationReference : null, member.verifiedAt);
        return new MemberResponse(member.id, member.displayName, member.region, member.occupation, List.copyOf(member.tags),
                member.bio,
                fullView ? member.phone : ContactMasking.phone(member.phone),
                fullView ? member.email : ContactMasking.email(member.email),
                verification,
                fullView ? member.inviteCode : null,
                member.invitedBy, member.registeredAt, member.updatedAt, false);
    }
}
