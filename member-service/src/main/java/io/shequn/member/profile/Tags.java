package io.shequn.member.profile;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** Tags are matched by operators' searches, so "Hiking ", "hiking" and "HIKING" are one tag. */
final class Tags {

    private Tags() {
    }

    static List<String> normalise(List<String> tags) {
        if (tags == null) {
            return List.of();
        }
        Set<String> unique = new LinkedHashSet<>();
        for (String tag : tags) {
            String normalised = tag.strip().replaceAll("\\s+", " ").toLowerCase(Locale.ROOT);
            if (!normalised.isEmpty()) {
                unique.add(normalised);
            }
        }
        return List.copyOf(unique);
    }
}
