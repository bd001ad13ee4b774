package io.shequn.engagement.moderation;

import java.util.List;

/** What moderation decided about one text. */
public record Verdict(List<WordRule> matches) {

    public static final Verdict CLEAN = new Verdict(List.of());

    public boolean blocked() {
        return matches.stream().anyMatch(m -> m.action() == WordAction.BLOCK);
    }

    public boolean flagged() {
        return !matches.isEmpty();
    }

    /** The blocking rules (or none), for the 422 that names them. */
    public List<WordRule> blockingRules() {
        return matches.stream().filter(m -> m.action() == WordAction.BLOCK).toList();
    }

    /** The matched words, each once, at most 100 (as message-flagged carries them). */
    public List<String> words() {
        return matches.stream().map(WordRule::word).distinct().limit(100).toList();
    }
}
