package io.shequn.engagement.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.shequn.contracts.Events;
import io.shequn.contracts.events.MessageKind;
import io.shequn.contracts.events.MessagePosted;
import io.shequn.localstack.KafkaTestClient;
import io.shequn.localstack.LocalStack;
import io.shequn.platform.outbox.Outbox;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.DoubleAccumulator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.shequn.localstack.CloudEventRecords.binary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What an operator watches when events pile up. Consumer lag: a burst of chat-bridge messages on
 * message-posted makes the per-partition lag gauges (Kafka's records-lag, through Micrometer)
 * rise, and they return to zero once the inbox has applied the burst. Across a Kafka stop: while
 * Kafka is stopped the outbox backlog gauges (rows waiting, age of the oldest) rise; once it is
 * back the relay publishes the backlog (message-posted, which this service also consumes), the
 * lag gauges rise with it although the broker restart re-created the consumer's partition metrics
 * (platform KafkaClientMeters re-reads them every few seconds), and everything returns to zero.
 * A consumer cannot see new end offsets while the broker is down: its lag rises when the events
 * held back during the stop reach Kafka.
 */
@QuarkusTest
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LagAndBacklogGaugesTest {

    private static final int BURST = 3_000;
    private static final int BACKLOG = 10_000;
    private static final String LAG = "kafka.consumer.fetch.manager.records.lag";

    @Inject
    Outbox outbox;

    @Inject
    MeterRegistry registry;

    @Test
    @Order(1)
    void lagRisesWithABurstOfEventsAndReturnsToZero() throws Exception {
        await().atMost(Duration.ofSeconds(90)).until(() -> lagGauges().size() >= 3);
        UUID group = UUID.randomUUID();
        List<ProducerRecord<String, byte[]>> burst = new ArrayList<>(BURST);
        for (int i = 0; i < BURST; i++) {
            Instant at = Instant.now();
            burst.add(binary("message-posted", group.toString(), UUID.randomUUID().toString(), "/bridges/test",
                    "shequn.message-posted.v1", at, """
                            {"messageId":"%s","groupId":"%s","memberId":"%s","kind":"TEXT","length":12,"postedAt":"%s"}"""
                            .formatted(UUID.randomUUID(), group, UUID.randomUUID(), at)));
        }
        try (LagSampler sampler = new LagSampler()) {
            sampler.start();
            try (KafkaTestClient bridge = new KafkaTestClient(LocalStack.shared().kafka().bootstrapServers())) {
                bridge.sendAll(burst);
            }
            await().atMost(Duration.ofMinutes(2)).until(() -> sampler.max() > 0
                    && lagGauges().stream().allMatch(gauge -> gauge.value() == 0));
        }
        String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("kafka_consumer_fetch_manager_records_lag\\{[^}]*partition=\"[0-2]\"[^}]*topic=\"message-posted\"[^}]*} 0\\.0");
    }

    @Test
    @Order(2)
    void backlogAndLagRiseAcrossAKafkaStopAndReturnToZeroAfter() throws Exception {
        await().atMost(Duration.ofSeconds(90)).until(() -> lagGauges().size() >= 3);
        LocalStack stack = LocalStack.shared();
        stack.kafka().stop();
        try (LagSampler afterRestart = new LagSampler()) {
            try {
                UUID group = UUID.randomUUID();
                QuarkusTransaction.requiringNew().run(() -> {
                    for (int i = 0; i < BACKLOG; i++) {
                        outbox.publish(Events.MESSAGE_POSTED, new MessagePosted(UUID.randomUUID(), group, UUID.randomUUID(),
                                MessageKind.TEXT, null, 12, null, null, Instant.now()));
                    }
                });
                await().atMost(Duration.ofSeconds(20)).until(() -> metric("shequn_outbox_unpublished_events") >= BACKLOG);
                double age = metric("shequn_outbox_oldest_unpublished_age_seconds");
                await().atMost(Duration.ofSeconds(20)).until(() -> metric("shequn_outbox_oldest_unpublished_age_seconds") >= age + 1);
            } finally {
                stack.kafka().start();
                afterRestart.start();
            }
            await().atMost(Duration.ofMinutes(3)).until(() -> metric("shequn_outbox_unpublished_events") == 0
                    && metric("shequn_outbox_oldest_unpublished_age_seconds") == 0
                    && afterRestart.max() > 0
                    && lagGauges().size() >= 3 && lagGauges().stream().allMatch(gauge -> gauge.value() == 0));
        }
        String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        assertThat(metrics).containsPattern("kafka_consumer_fetch_manager_records_lag\\{[^}]*partition=\"[0-2]\"[^}]*topic=\"message-posted\"[^}]*} 0\\.0");
    }

    /**
     * Reads the lag gauges every millisecond once started and keeps the highest value. A gauge
     * whose metric a rebalance has just removed reads NaN until the next refresh: skipped, as it
     * would otherwise stick as the maximum.
     */
    private final class LagSampler implements AutoCloseable {

        private final DoubleAccumulator max = new DoubleAccumulator(Math::max, 0);
        private final AtomicBoolean sampling = new AtomicBoolean();
        private final Thread thread = new Thread(this::sample, "lag-sampler");

        LagSampler() {
            thread.start();
        }

        void start() {
            sampling.set(true);
        }

        double max() {
            return max.get();
        }

        private void sample() {
            while (!Thread.currentThread().isInterrupted()) {
                if (sampling.get()) {
                    lagGauges().stream().mapToDouble(Gauge::value).filter(value -> !Double.isNaN(value)).forEach(max::accumulate);
                }
                try {
                    Thread.sleep(1);
                } catch (InterruptedException e) {
                    return;
                }
            }
        }

        @Override
        public void close() throws InterruptedException {
            thread.interrupt();
            thread.join();
        }
    }

    private Collection<Gauge> lagGauges() {
        return registry.find(LAG).tag("topic", "message-posted").gauges();
    }

    private static double metric(String name) {
        String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        Matcher matcher = Pattern.compile("^" + name + "(\\{[^}]*})? ([0-9.E+-]+)$", Pattern.MULTILINE).matcher(metrics);
        assertThat(matcher.find()).as(name + " in /q/metrics").isTrue();
        return Double.parseDouble(matcher.group(2));
    }
}
