package io.shequn.analytics.inbox;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.shequn.localstack.KafkaTestClient;
import io.shequn.localstack.LocalStack;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The broker is killed (SIGKILL) while 10,000 events flow through the inbox, and started again:
 * every event is applied exactly once and nothing is dead-lettered. The publisher is an ordinary
 * idempotent producer, sending a steady stream that waits for the broker while it is away.
 */
@QuarkusTest
class BrokerKilledWhileEventsFlowTest {

    private static final int GROUPS = 10;
    private static final int EVENTS = 10_000;

    @Test
    void eventsFlowingWhileTheBrokerIsKilledAreEachAppliedOnce() throws Exception {
        List<UUID> groups = IntStream.range(0, GROUPS).mapToObj(i -> UUID.randomUUID()).toList();
        double deadLettered = CheckIns.deadLettered("checked-in");
        LocalStack stack = LocalStack.shared();
        try (KafkaTestClient kafka = new KafkaTestClient(stack.kafka().bootstrapServers(), Map.of(
                ProducerConfig.MAX_BLOCK_MS_CONFIG, 300_000, ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 300_000))) {
            List<Future<RecordMetadata>> acks = new ArrayList<>(EVENTS);
            Thread publisher = new Thread(() -> {
                for (int i = 0; i < EVENTS; i++) {
                    acks.add(kafka.sendAsync(CheckIns.checkIn(groups.get(i % GROUPS))));
                    if (i % 10 == 9) {
                        sleepQuietly();   // about 1,000 a second: the stream is still flowing when the broker dies
                    }
                }
            }, "publisher");
            publisher.start();
            try {
                await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20)).until(() -> CheckIns.count(groups.get(0)) > 0);
                stack.kafka().kill();
                // Down until the service has noticed (its readiness reports Kafka), then back.
                await().atMost(Duration.ofSeconds(60)).until(() -> RestAssured.get("/q/health/ready").statusCode() == 503);
                // Not ready, but alive: restarting the service would not bring the broker back.
                assertThat(RestAssured.get("/q/health/live").statusCode()).isEqualTo(200);
            } finally {
                stack.kafka().start();
            }
            publisher.join(Duration.ofMinutes(5).toMillis());
            for (Future<RecordMetadata> ack : acks) {
                ack.get(5, TimeUnit.MINUTES);
            }
        }

        await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(500)).until(() -> CheckIns.count(groups) >= EVENTS);
        for (UUID group : groups) {
            assertThat(CheckIns.count(group)).as("check-ins of group %s", group).isEqualTo(EVENTS / GROUPS);
        }
        assertThat(CheckIns.deadLettered("checked-in")).isEqualTo(deadLettered);
    }

    private static void sleepQuietly() {
        try {
            Thread.sleep(10);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
