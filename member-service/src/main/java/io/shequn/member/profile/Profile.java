package io.shequn.member.profile;

import java.util.List;
import java.util.Locale;

/** A self-introduction after normalisation: trimmed, blanks as absent, tags deduplicated. */
record Profile(String displayName, String region, String occupation, List<String> tags,
               String bio, String phone, String email) {

    static Profile of(MemberProfileRequest request) {
        String email = blankToNull(request.email());
        return new Profile(request.displayName().strip(), blankToNull(request.region()), blankToNull(request.occupation()),
                Tags.normalise(request.tags()), blankToNull(request.bio()), blankToNull(request.phone()),
                email == null ? null : email.toLowerCase(Locale.ROOT));
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }
}
