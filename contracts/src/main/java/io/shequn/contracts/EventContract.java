package io.shequn.contracts;

import java.util.Objects;

/**
 * One event type of the catalogue: its topic, its version and the record its data binds to.
 * Topic name = event name; the CloudEvents type is {@code shequn.<topic>.v<N>}.
 */
public record EventContract<T extends EventData>(String topic, int version, Class<T> dataType) {

    public EventContract {
        Objects.requireNonNull(topic, "topic");
        Objects.requireNonNull(dataType, "dataType");
        if (version < 1) {
            throw new IllegalArgumentException("version must be >= 1");
        }
    }

    /** The CloudEvents {@code type} attribute, e.g. {@code shequn.member-registered.v1}. */
    public String type() {
        return "shequn." + topic + ".v" + version;
    }

    /** Where bad events of this topic go, with the reason in headers. */
    public String deadLetterTopic() {
        return topic + ".dlq";
    }

    /** Classpath location of the JSON Schema of the data. */
    public String schemaResource() {
        return "/schemas/" + topic + ".v" + version + ".schema.json";
    }
}
