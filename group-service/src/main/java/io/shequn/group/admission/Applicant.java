package io.shequn.group.admission;

import java.util.Map;
import java.util.UUID;

/**
 * What group-service knows of someone who wants in, from its projection of member-service's
 * events: whether they are verified and the profile fields that can answer intro questions.
 */
public record Applicant(UUID memberId, boolean verified, Map<String, String> profile) {

    public Applicant {
        profile = profile == null ? Map.of() : Map.copyOf(profile);
    }

    public static Applicant unknown(UUID memberId) {
        return new Applicant(memberId, false, Map.of());
    }
}
