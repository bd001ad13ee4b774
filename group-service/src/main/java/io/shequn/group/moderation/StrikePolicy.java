package io.shequn.group.moderation;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** When strikes remove a member, and what member-left says about it. */
public final class StrikePolicy {

    static final int MAX_DETAIL = 500;

    private StrikePolicy() {
    }

    public static boolean removes(long activeStrikes, int strikeLimit) {
        return activeStrikes >= strikeLimit;
    }

    /** e.g. "Removed automatically after 3 moderation strikes (matched: ad, spam)", at most 500 characters. */
    public static String detail(long strikes, List<String> matchedWords) {
        Set<String> words = new LinkedHashSet<>(matchedWords);
        String detail = "Removed automatically after " + strikes + " moderation strikes"
                + (words.isEmpty() ? "" : " (matched: " + String.join(", ", words) + ")");
        return detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL - 1) + "…";
    }
}
