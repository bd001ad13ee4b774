package io.shequn.engagement.messages;

import io.shequn.engagement.moderation.Verdict;

/** The outcome of posting: the stored message, and the moderation verdict (blocked messages are answered with 422). */
public record PostedMessage(MessageResponse message, Verdict verdict) {
}
