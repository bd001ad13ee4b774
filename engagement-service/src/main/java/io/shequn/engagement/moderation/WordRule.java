package io.shequn.engagement.moderation;

import java.util.UUID;

/** One word of a list and what it does; {@code groupId} is null for the global list. */
public record WordRule(String word, WordAction action, UUID groupId) {

    /** Names the rule for the author of a blocked message. */
    public String describe() {
        return "the word \"" + word + "\" of " + (groupId == null ? "the global list" : "the group's list");
    }
}
