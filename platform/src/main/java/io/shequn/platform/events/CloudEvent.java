package io.shequn.platform.events;

import com.fasterxml.jackson.databind.JsonNode;

import java.time.OffsetDateTime;
import java.util.Objects;

/** A CloudEvents 1.0 event with JSON data, as read from Kafka. */
public record CloudEvent(
        String id,
        String source,
        String type,
        String subject,
        OffsetDateTime time,
        JsonNode data) {

    public static final String SPEC_VERSION = "1.0";
    public static final String DATA_CONTENT_TYPE = "application/json";

    public CloudEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(type, "type");
    }
}
