package io.shequn.engagement;

import com.fasterxml.jackson.databind.JsonNode;
import io.shequn.contracts.EventContract;
import io.shequn.contracts.EventJson;
import io.shequn.contracts.EventSchemas;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.function.Predicate;

import static io.shequn.localstack.CloudEventRecords.header;
import static org.assertj.core.api.Assertions.assertThat;

/** Reads what engagement-service published, and checks each event against its contract and the catalogue's key. */
public final class PublishedEvents {

    public static final String SOURCE = "/shequn/engagement-service";

    private PublishedEvents() {
    }

    /** The first event on the contract's topic with this key whose data matches; asserts schema, key, type and source. */
    public static JsonNode await(EventContract<?> contract, Object key, Predicate<JsonNode> match) {
        ConsumerRecord<String, byte[]> record = GroupEvents.kafka().await(contract.topic(),
                r -> key.toString().equals(r.key()) && SOURCE.equals(header(r, "ce_source")) && match.test(json(r.value())),
                GroupEvents.FRESH);
        return checked(contract, record);
    }

    /** Every matching event published with this key, reading until {@code settle} has passed. */
    public static List<JsonNode> all(EventContract<?> contract, Object key, Predicate<JsonNode> match, Duration settle) {
        return GroupEvents.kafka().readAll(contract.topic(),
                        r -> key.toString().equals(r.key()) && SOURCE.equals(header(r, "ce_source")) && match.test(json(r.value())),
                        settle)
                .stream().map(r -> checked(contract, r)).toList();
    }

    private static JsonNode checked(EventContract<?> contract, ConsumerRecord<String, byte[]> record) {
        JsonNode data = json(record.value());
        assertThat(EventSchemas.violations(contract, data)).isEmpty();
        assertThat(header(record, "ce_type")).isEqualTo(contract.type());
        assertThat(header(record, "ce_subject")).isEqualTo(record.key());
        return data;
    }

    public static JsonNode json(byte[] value) {
        try {
            return EventJson.mapper().readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
