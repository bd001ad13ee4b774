package io.shequn.platform.events;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.shequn.contracts.EventJson;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.Base64;

/**
 * Reads the CloudEvents Kafka protocol binding: binary mode ({@code ce_*} headers, the value is the
 * data) and structured mode ({@code content-type: application/cloudevents+json}, the whole event in
 * the value), because outside publishers use both. Each way a record can be unusable has a stable
 * reason, which is what the dead-letter topic and its metric report; the connector's own
 * CloudEvents metadata only tells "is one" or "is not one", so incoming channels turn it off.
 * (Outgoing events are written in binary mode by the connector: see {@code OutboxRelay}.)
 */
public final class CloudEventCodec {

    public static final String STRUCTURED_CONTENT_TYPE = "application/cloudevents+json";
    public static final String CONTENT_TYPE = "content-type";
    private static final String PREFIX = "ce_";

    private static final ObjectMapper JSON = EventJson.mapper();

    private CloudEventCodec() {
    }

    public static CloudEvent fromRecord(ConsumerRecord<String, byte[]> record) throws InvalidEventException {
        String contentType = text(record.headers(), CONTENT_TYPE);
        if (contentType != null && contentType.toLowerCase().startsWith(STRUCTURED_CONTENT_TYPE)) {
            return structured(record);
        }
        return binary(record);
    }

    private static CloudEvent binary(ConsumerRecord<String, byte[]> record) throws InvalidEventException {
        Headers headers = record.headers();
        requireSpecVersion(text(headers, PREFIX + "specversion"));
        String contentType = text(headers, CONTENT_TYPE);
        if (contentType != null && !contentType.toLowerCase().startsWith("application/json")) {
            throw new InvalidEventException("unsupported-content-type", "Data content type " + contentType + " is not JSON");
        }
        return new CloudEvent(
                required(text(headers, PREFIX + "id"), "id"),
                required(text(headers, PREFIX + "source"), "source"),
                required(text(headers, PREFIX + "type"), "type"),
                text(headers, PREFIX + "subject"),
                time(text(headers, PREFIX + "time")),
                parse(record.value()));
    }

    private static CloudEvent structured(ConsumerRecord<String, byte[]> record) throws InvalidEventException {
        JsonNode envelope = parse(record.value());
        if (!(envelope instanceof ObjectNode)) {
            throw new InvalidEventException("unparseable", "A structured CloudEvent must be a JSON object");
        }
        requireSpecVersion(field(envelope, "specversion"));
        String contentType = field(envelope, "datacontenttype");
        if (contentType != null && !contentType.toLowerCase().startsWith("application/json")) {
            throw new InvalidEventException("unsupported-content-type", "Data content type " + contentType + " is not JSON");
        }
        JsonNode data = envelope.get("data");
        if (data == null && envelope.hasNonNull("data_base64")) {
            try {
                data = parse(Base64.getDecoder().decode(envelope.get("data_base64").asText()));
            } catch (IllegalArgumentException e) {
                throw new InvalidEventException("unparseable", "data_base64 is not base64", e);
            }
        }
        return new CloudEvent(
                required(field(envelope, "id"), "id"),
                required(field(envelope, "source"), "source"),
                required(field(envelope, "type"), "type"),
                field(envelope, "subject"),
                time(field(envelope, "time")),
                data);
    }

    private static void requireSpecVersion(String specVersion) throws InvalidEventException {
        if (specVersion == null) {
            throw new InvalidEventException("not-a-cloudevent", "specversion is missing");
        }
        if (!CloudEvent.SPEC_VERSION.equals(specVersion)) {
            throw new InvalidEventException("not-a-cloudevent", "specversion " + specVersion + " is not supported");
        }
    }

    private static String required(String value, String attribute) throws InvalidEventException {
        if (value == null || value.isBlank()) {
            throw new InvalidEventException("not-a-cloudevent", "Required attribute " + attribute + " is missing");
        }
        return value;
    }

    private static OffsetDateTime time(String value) throws InvalidEventException {
        if (value == null) {
            return null;
        }
        try {
            return OffsetDateTime.parse(value);
        } catch (DateTimeParseException e) {
            throw new InvalidEventException("not-a-cloudevent", "time is not RFC 3339: " + value, e);
        }
    }

    private static JsonNode parse(byte[] value) throws InvalidEventException {
        if (value == null || value.length == 0) {
            throw new InvalidEventException("unparseable", "The record has no value");
        }
        try {
            return JSON.readTree(value);
        } catch (JsonProcessingException e) {
            throw new InvalidEventException("unparseable", "The value is not JSON: " + e.getOriginalMessage(), e);
        } catch (IOException e) {
            throw new InvalidEventException("unparseable", "The value is not readable: " + e.getMessage(), e);
        }
    }

    private static String field(JsonNode envelope, String name) {
        JsonNode node = envelope.get(name);
        return node == null || node.isNull() ? null : node.asText();
    }

    static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
