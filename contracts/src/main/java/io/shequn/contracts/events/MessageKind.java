package io.shequn.contracts.events;

/** What a chat message carries. */
public enum MessageKind {
    TEXT, IMAGE, LINK, VOICE, VIDEO, FILE
}
