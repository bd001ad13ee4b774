package io.shequn.group.admission;

import io.shequn.contracts.events.JoinVia;
import io.shequn.group.groups.AdmissionPolicy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The admission threshold (门槛) as a pure decision: the group's policy, what we know of the
 * applicant, their intro answers and the invite they brought. Capacity, bans and existing
 * memberships are checked by the caller, under the group's lock.
 *
 * <ol>
 * <li>{@code requireVerified}: an unverified (or unknown) member is refused, 403 {@code verification-required}.</li>
 * <li>Every required intro field needs an answer, or the same field in the member's profile
 * ({@code region}, {@code occupation}, {@code displayName}); else 422 {@code introduction-required}.</li>
 * <li>An invite code that does not resolve to a current member of this group is 422
 * {@code invalid-invite-code}, whatever the mode.</li>
 * <li>OPEN admits at once (via INVITE when a valid code was brought, so referrals count);
 * APPROVAL applies; INVITE_ONLY admits via INVITE with a valid code and refuses 403
 * {@code invite-required} without one; PAID waits for the payment.</li>
 * </ol>
 */
public final class AdmissionRules {

    private AdmissionRules() {
    }

    /**
     * @param inviteCodeGiven whether the request carried an invite code
     * @param inviterId       the current member that code belongs to, or null when none or invalid
     */
    public static AdmissionDecision decide(AdmissionPolicy policy, Applicant applicant, Map<String, String> intro,
                                           boolean inviteCodeGiven, UUID inviterId) {
        Optional<AdmissionDecision.Refuse> unverified = unverified(policy.requireVerified(), applicant);
        if (unverified.isPresent()) {
            return unverified.get();
        }
        List<String> missing = missingIntroFields(policy.requiredIntroFields(), applicant, intro);
        if (!missing.isEmpty()) {
            return new AdmissionDecision.Refuse(422, "introduction-required", "Introduction required",
                    "This group asks new members to introduce themselves; missing: " + String.join(", ", missing));
        }
        if (inviteCodeGiven && inviterId == null) {
            return new AdmissionDecision.Refuse(422, "invalid-invite-code", "Invalid invite code",
                    "The invite code does not belong to a current member of this group");
        }
        if (inviterId != null && inviterId.equals(applicant.memberId())) {
            return new AdmissionDecision.Refuse(422, "invalid-invite-code", "Invalid invite code",
                    "A member cannot use their own invite code");
        }
        return switch (policy.mode()) {
            case OPEN -> new AdmissionDecision.Admit(inviterId != null ? JoinVia.INVITE : JoinVia.OPEN, inviterId);
            case APPROVAL -> new AdmissionDecision.Apply(inviterId);
            case INVITE_ONLY -> inviterId != null ? new AdmissionDecision.Admit(JoinVia.INVITE, inviterId)
                    : new AdmissionDecision.Refuse(403, "invite-required", "Invite required",
                    "This group admits members with an invite code of a current member only");
            case PAID -> new AdmissionDecision.AwaitPayment(inviterId);
        };
    }

    /** The refusal of an unverified applicant where the group admits verified members only. */
    public static Optional<AdmissionDecision.Refuse> unverified(boolean requireVerified, Applicant applicant) {
        return requireVerified && !applicant.verified()
                ? Optional.of(new AdmissionDecision.Refuse(403, "verification-required", "Verification required",
                "This group admits verified members only"))
                : Optional.empty();
    }

    static List<String> missingIntroFields(List<String> required, Applicant applicant, Map<String, String> intro) {
        List<String> missing = new ArrayList<>();
        for (String field : required) {
            if (isBlank(intro == null ? null : intro.get(field)) && isBlank(applicant.profile().get(field))) {
                missing.add(field);
            }
        }
        return missing;
    }

    private static boolean isBlank(String value) {
        return value == null || value.isBlank();
    }
}
