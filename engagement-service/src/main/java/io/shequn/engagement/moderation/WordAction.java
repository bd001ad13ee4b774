package io.shequn.engagement.moderation;

/** What a sensitive word does to a message: flag it (kept, message-flagged) or block it (rejected). */
public enum WordAction {
    FLAG, BLOCK
}
