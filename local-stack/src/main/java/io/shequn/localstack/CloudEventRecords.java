package io.shequn.localstack;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;

import java.nio.charset.StandardCharsets;
import java.time.Instant;

/**
 * Kafka records as an outside publisher builds them, in either CloudEvents mode, from plain JSON
 * text: tests use them to publish what a chat bridge or a shop would, good or bad.
 */
public final class CloudEventRecords {

    private CloudEventRecords() {
    }

    /** Binary mode: {@code ce_*} headers, the value is the data. */
    public static ProducerRecord<String, byte[]> binary(String topic, String key, String id, String source,
                                                        String type, Instant time, String dataJson) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("ce_id", bytes(id));
        headers.add("ce_source", bytes(source));
        headers.add("ce_type", bytes(type));
        headers.add("ce_subject", bytes(key));
        headers.add("ce_time", bytes(time.toString()));
        headers.add("content-type", bytes("application/json"));
        return new ProducerRecord<>(topic, null, key, bytes(dataJson), headers);
    }

    /** Structured mode: the whole event is the value, {@code content-type: application/cloudevents+json}. */
    public static ProducerRecord<String, byte[]> structured(String topic, String key, String id, String source,
                                                            String type, Instant time, String dataJson) {
        String envelope = "{\"specversion\":\"1.0\",\"id\":\"" + id + "\",\"source\":\"" + source + "\",\"type\":\""
                + type + "\",\"subject\":\"" + key + "\",\"time\":\"" + time + "\",\"datacontenttype\":\"application/json\","
                + "\"data\":" + dataJson + "}";
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", bytes("application/cloudevents+json; charset=UTF-8"));
        return new ProducerRecord<>(topic, null, key, bytes(envelope), headers);
    }

    /** Any bytes at all, with binary-mode headers: what a broken publisher sends. */
    public static ProducerRecord<String, byte[]> raw(String topic, String key, String id, String type, byte[] value) {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_specversion", bytes("1.0"));
        headers.add("ce_id", bytes(id));
        headers.add("ce_source", bytes("/tests/broken-publisher"));
        headers.add("ce_type", bytes(type));
        headers.add("ce_time", bytes(Instant.now().toString()));
        headers.add("content-type", bytes("application/json"));
        return new ProducerRecord<>(topic, null, key, value, headers);
    }

    public static String header(org.apache.kafka.clients.consumer.ConsumerRecord<?, ?> record, String name) {
        var header = record.headers().lastHeader(name);
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
