package io.shequn.analytics.inbox;

import io.quarkus.test.junit.QuarkusTest;
import io.shequn.localstack.KafkaTestClient;
import io.shequn.localstack.LocalStack;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.shequn.localstack.CloudEventRecords.binary;
import static io.shequn.localstack.CloudEventRecords.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One poison record among 500 that reach the inbox in one poll: exactly that record goes to its
 * dead-letter topic, with the original headers, and the other 499 are applied once. The live
 * consumer is paused through the connector while the 500 are published, so that one poll finds
 * them all (spread over the three partitions of checked-in, each well under a fetch's size).
 */
@QuarkusTest
class PoisonRecordInABatchTest {

    private static final Duration FRESH = Duration.ofSeconds(30);
    private static final Set<String> DLQ_HEADERS = Set.of("dlq-reason", "dlq-detail", "dlq-original-topic",
            "dlq-original-partition", "dlq-original-offset", "dlq-consumer");

    private static KafkaTestClient kafka;

    @Inject
    KafkaClientService connector;

    @BeforeAll
    static void connect() {
        kafka = new KafkaTestClient(LocalStack.shared().kafka().bootstrapServers());
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void aRecordWhoseHandlerFailsGoesToTheDeadLetterTopicAloneAndTheOther499AreApplied() {
        // A shop sends an order amount no rollup can add to the group's revenue (bigint overflow):
        // schema-valid, so only applying it fails.
        UUID group = UUID.randomUUID();
        kafka.send(purchase(group, 100));
        await().atMost(FRESH).untilAsserted(() -> assertThat(gmv(group)).isEqualTo(100));
        ProducerRecord<String, byte[]> poison = purchase(group, Long.MAX_VALUE);

        ConsumerRecord<String, byte[]> deadLetter = publishInOneBatchWith499CheckIns(poison, "purchase.dlq");

        assertThat(header(deadLetter, "dlq-reason")).isEqualTo("handler-failed");
        assertThat(header(deadLetter, "dlq-detail")).contains("bigint out of range");
        assertThat(gmv(group)).isEqualTo(100);
    }

    @Test
    void aRecordThatFailsItsSchemaGoesToTheDeadLetterTopicAloneAndTheOther499AreApplied() {
        ProducerRecord<String, byte[]> poison = binary("checked-in", CheckIns.groupOnPartition(1).toString(), UUID.randomUUID().toString(),
                "/shequn/engagement-service", "shequn.checked-in.v1", Instant.now(),
                "{\"groupId\":\"" + UUID.randomUUID() + "\",\"day\":\"" + CheckIns.DAY + "\",\"streak\":0}");

        ConsumerRecord<String, byte[]> deadLetter = publishInOneBatchWith499CheckIns(poison, "checked-in.dlq");

        assertThat(header(deadLetter, "dlq-reason")).isEqualTo("schema-invalid");
        assertThat(header(deadLetter, "dlq-detail")).contains("memberId");
    }

    /** @return the poison's dead letter, once the 499 check-ins are all applied */
    private ConsumerRecord<String, byte[]> publishInOneBatchWith499CheckIns(ProducerRecord<String, byte[]> poison, String deadLetterTopic) {
        List<UUID> groups = List.of(CheckIns.groupOnPartition(0), CheckIns.groupOnPartition(1), CheckIns.groupOnPartition(2));
        List<ProducerRecord<String, byte[]>> batch = new ArrayList<>();
        for (int i = 0; i < 499; i++) {
            batch.add(CheckIns.checkIn(groups.get(i % 3)));
        }
        batch.add(250, poison);
        double duplicates = CheckIns.duplicates("checked-in");
        long checkInDeadLetters = kafka.size("checked-in.dlq");
        long purchaseDeadLetters = kafka.size("purchase.dlq");

        connector.getConsumer("inbox").pause().await().atMost(Duration.ofSeconds(10));
        try {
            kafka.sendAll(batch);
        } finally {
            connector.getConsumer("inbox").resume().await().atMost(Duration.ofSeconds(10));
        }

        String poisonId = ceId(poison);
        ConsumerRecord<String, byte[]> deadLetter = kafka.await(deadLetterTopic, r -> poisonId.equals(header(r, "ce_id")), FRESH);
        await().atMost(FRESH).until(() -> CheckIns.count(groups) >= 499);
        assertThat(groups.stream().map(CheckIns::count).toList()).containsExactly(167, 166, 166);
        assertThat(CheckIns.duplicates("checked-in")).isEqualTo(duplicates);
        // Only the poison, once: nothing else reaches a dead-letter topic meanwhile.
        assertThat(kafka.size("checked-in.dlq") + kafka.size("purchase.dlq")).isEqualTo(checkInDeadLetters + purchaseDeadLetters + 1);

        // Unchanged: the same key, value and headers, in the same order, plus where and why.
        assertThat(deadLetter.key()).isEqualTo(poison.key());
        assertThat(deadLetter.value()).isEqualTo(poison.value());
        assertThat(headers(deadLetter.headers().toArray()).stream().filter(h -> !DLQ_HEADERS.contains(h.getKey())).toList())
                .isEqualTo(headers(poison.headers().toArray()));
        assertThat(header(deadLetter, "dlq-original-topic")).isEqualTo(poison.topic());
        assertThat(header(deadLetter, "dlq-consumer")).isEqualTo("analytics-service");
        assertThat(header(deadLetter, "dlq-original-offset")).isNotBlank();
        return deadLetter;
    }

    private static ProducerRecord<String, byte[]> purchase(UUID group, long amount) {
        UUID member = UUID.randomUUID();
        Instant at = CheckIns.DAY.atTime(4, 0).toInstant(java.time.ZoneOffset.UTC);
        return binary("purchase", member.toString(), UUID.randomUUID().toString(), "/tests/shop", "shequn.purchase.v1", at, """
                {"orderId":"%s","memberId":"%s","amount":%d,"currency":"CNY","groupId":"%s","purchasedAt":"%s"}"""
                .formatted(UUID.randomUUID(), member, amount, group, at));
    }

    private static long gmv(UUID group) {
        var revenue = io.shequn.analytics.Scenario.get("/api/v1/analytics/groups/" + group + "/revenue",
                Map.of("from", CheckIns.DAY.toString(), "to", CheckIns.DAY.toString()));
        List<Long> amounts = revenue.getList("gmv.amount", Long.class);
        return amounts == null || amounts.isEmpty() ? 0 : amounts.get(0);
    }

    private static String ceId(ProducerRecord<String, byte[]> record) {
        return new String(record.headers().lastHeader("ce_id").value(), StandardCharsets.UTF_8);
    }

    private static List<Map.Entry<String, String>> headers(Header[] headers) {
        return Arrays.stream(headers).map(h -> Map.entry(h.key(), new String(h.value(), StandardCharsets.UTF_8))).toList();
    }
}
