package io.shequn.platform.events;

import com.fasterxml.jackson.databind.JsonNode;
import io.shequn.contracts.EventJson;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.record.TimestampType;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class CloudEventCodecTest {

    private static final String DATA = "{\"memberId\":\"0b9f6c1e-2f4a-4c8e-9d3b-5a7e1f2c4d6b\",\"displayName\":\"Li Lei\"}";

    @Test
    void readsBinaryModeAsTheConnectorWritesIt() throws Exception {
        RecordHeaders headers = new RecordHeaders(binaryHeaders("1.0", "application/json"));
        headers.add("ce_datacontenttype", bytes("application/json"));
        headers.add("ce_subject", bytes("g-1"));
        headers.add("ce_time", bytes("2026-11-23T08:00:00+08:00"));
        headers.add("traceparent", bytes("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01"));

        assertThat(CloudEventCodec.fromRecord(consumed(headers.toArray(), bytes(DATA)))).isEqualTo(new CloudEvent(
                "e-9", "/bridges/wechat", "shequn.message-posted.v1", "g-1", OffsetDateTime.parse("2026-11-23T08:00:00+08:00"), json(DATA)));
    }

    @Test
    void readsStructuredMode() throws Exception {
        String envelope = "{\"specversion\":\"1.0\",\"id\":\"e-2\",\"source\":\"/shop/orders\",\"type\":\"shequn.purchase.v1\","
                + "\"time\":\"2026-11-23T08:00:00Z\",\"datacontenttype\":\"application/json\","
                + "\"data\":" + DATA + "}";

        CloudEvent event = CloudEventCodec.fromRecord(consumed(structuredHeaders(), bytes(envelope)));

        assertThat(event.id()).isEqualTo("e-2");
        assertThat(event.source()).isEqualTo("/shop/orders");
        assertThat(event.time()).isEqualTo(OffsetDateTime.parse("2026-11-23T08:00:00Z"));
        assertThat(event.data()).isEqualTo(json(DATA));
    }

    @Test
    void readsStructuredModeWithBase64Data() throws Exception {
        String envelope = "{\"specversion\":\"1.0\",\"id\":\"e-3\",\"source\":\"/crm\",\"type\":\"t\","
                + "\"data_base64\":\"" + Base64.getEncoder().encodeToString(bytes(DATA)) + "\"}";

        assertThat(CloudEventCodec.fromRecord(consumed(structuredHeaders(), bytes(envelope))).data()).isEqualTo(json(DATA));
    }

    @Test
    void rejectsWhatIsNotAUsableCloudEventWithAStableReason() {
        assertReason(consumed(binaryHeaders("1.0", "application/json"), bytes("{not json")), "unparseable");
        assertReason(consumed(binaryHeaders("1.0", "application/json"), new byte[0]), "unparseable");
        assertReason(consumed(binaryHeaders(null, "application/json"), bytes(DATA)), "not-a-cloudevent");
        assertReason(consumed(binaryHeaders("0.3", "application/json"), bytes(DATA)), "not-a-cloudevent");
        assertReason(consumed(binaryHeaders("1.0", "application/xml"), bytes("<a/>")), "unsupported-content-type");
        assertReason(consumed(structuredHeaders(), bytes("[1,2]")), "unparseable");
        assertReason(consumed(structuredHeaders(), bytes("{\"specversion\":\"1.0\",\"source\":\"/x\",\"type\":\"t\"}")), "not-a-cloudevent");
        assertReason(consumed(structuredHeaders(), bytes("{\"specversion\":\"1.0\",\"id\":\"1\",\"source\":\"/x\",\"type\":\"t\",\"time\":\"yesterday\"}")),
                "not-a-cloudevent");
    }

    private static void assertReason(ConsumerRecord<String, byte[]> record, String reason) {
        assertThatThrownBy(() -> CloudEventCodec.fromRecord(record))
                .isInstanceOf(InvalidEventException.class)
                .extracting(e -> ((InvalidEventException) e).reason()).isEqualTo(reason);
    }

    private static org.apache.kafka.common.header.Header[] binaryHeaders(String specVersion, String contentType) {
        RecordHeaders headers = new RecordHeaders();
        if (specVersion != null) {
            headers.add("ce_specversion", bytes(specVersion));
        }
        headers.add("ce_id", bytes("e-9"));
        headers.add("ce_source", bytes("/bridges/wechat"));
        headers.add("ce_type", bytes("shequn.message-posted.v1"));
        headers.add("content-type", bytes(contentType));
        return headers.toArray();
    }

    private static org.apache.kafka.common.header.Header[] structuredHeaders() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("content-type", bytes("application/cloudevents+json; charset=UTF-8"));
        return headers.toArray();
    }

    private static ConsumerRecord<String, byte[]> consumed(org.apache.kafka.common.header.Header[] headers, byte[] value) {
        return new ConsumerRecord<>("topic", 0, 0L, 0L, TimestampType.CREATE_TIME, 0, value.length, "key", value,
                new RecordHeaders(headers), Optional.empty());
    }

    private static JsonNode json(String text) throws Exception {
        return EventJson.mapper().readTree(text);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
