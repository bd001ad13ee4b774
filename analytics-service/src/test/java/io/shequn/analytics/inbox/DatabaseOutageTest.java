package io.shequn.analytics.inbox;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.shequn.localstack.KafkaTestClient;
import io.shequn.localstack.LocalStack;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * PostgreSQL is stopped for 30 seconds while events keep arriving (100 a second): the inbox
 * waits for it instead of dead-lettering anything, readiness reports the outage, and once the
 * database is back every event is applied, once.
 */
@QuarkusTest
class DatabaseOutageTest {

    private static final int EVENTS = 4_000;
    private static final Duration OUTAGE = Duration.ofSeconds(30);

    @Test
    void eventsArrivingWhileTheDatabaseIsDownAreAppliedWhenItIsBackAndNoneIsDeadLettered() throws Exception {
        List<UUID> groups = IntStream.range(0, 4).mapToObj(i -> UUID.randomUUID()).toList();
        double deadLettered = CheckIns.deadLettered("checked-in");
        long deadLetterTopic;
        LocalStack stack = LocalStack.shared();
        AtomicInteger sent = new AtomicInteger();
        ScheduledExecutorService publisher = Executors.newSingleThreadScheduledExecutor();
        try (KafkaTestClient kafka = new KafkaTestClient(stack.kafka().bootstrapServers())) {
            deadLetterTopic = kafka.size("checked-in.dlq");
            publisher.scheduleAtFixedRate(() -> {
                for (int i = 0; i < 10 && sent.get() < EVENTS; i++) {
                    kafka.sendAsync(CheckIns.checkIn(groups.get(sent.getAndIncrement() % groups.size())));
                }
            }, 0, 100, TimeUnit.MILLISECONDS);

            await().atMost(Duration.ofSeconds(30)).until(() -> CheckIns.count(groups) > 200);
            stack.postgres().stop();
            try {
                // The outage lasts OUTAGE whatever happens; all along, the service says it is not ready.
                await().during(OUTAGE).atMost(OUTAGE.plusSeconds(10)).pollInterval(Duration.ofSeconds(1))
                        .until(() -> RestAssured.get("/q/health/ready").statusCode() == 503);
            } finally {
                stack.postgres().start();
            }
            await().atMost(Duration.ofMinutes(2)).until(() -> sent.get() == EVENTS);
            publisher.shutdown();
            assertThat(publisher.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

            await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500)).ignoreExceptions()
                    .until(() -> CheckIns.count(groups) >= EVENTS);
            assertThat(groups.stream().map(CheckIns::count).toList()).containsOnly(EVENTS / groups.size());
            assertThat(CheckIns.deadLettered("checked-in")).isEqualTo(deadLettered);
            assertThat(kafka.size("checked-in.dlq")).isEqualTo(deadLetterTopic);
        } finally {
            publisher.shutdownNow();
        }
    }
}
