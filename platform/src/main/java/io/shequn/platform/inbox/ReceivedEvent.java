package io.shequn.platform.inbox;

import java.time.Instant;

/** The envelope of a consumed event: who sent it, when it happened, where it was read. */
public record ReceivedEvent(
        String id,
        String source,
        String type,
        String subject,
        Instant time,
        String topic,
        int partition,
        long offset) {
}
