package io.shequn.group.admission;

import io.shequn.group.memberprojection.MemberProfiles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** What group-service knows of a member, from its own projection of member-service's events. */
@ApplicationScoped
public class ApplicantLookup {

    @Inject
    MemberProfiles profiles;

    public Applicant applicant(UUID memberId) {
        return profiles.row(memberId).map(row -> {
            boolean erased = row[4] != null;
            Map<String, String> fields = new HashMap<>();
            if (!erased) {
                putIfPresent(fields, "displayName", row[0]);
                putIfPresent(fields, "region", row[1]);
                putIfPresent(fields, "occupation", row[2]);
            }
            return new Applicant(memberId, !erased && row[3] != null, fields);
        }).orElseGet(() -> Applicant.unknown(memberId));
    }

    /** Who invited the member to register, as far as member-service's events have told us. */
    public java.util.Optional<UUID> registrationInviter(UUID memberId) {
        return profiles.invitedBy(memberId);
    }

    private static void putIfPresent(Map<String, String> fields, String name, Object value) {
        if (value != null) {
            fields.put(name, value.toString());
        }
    }
}
