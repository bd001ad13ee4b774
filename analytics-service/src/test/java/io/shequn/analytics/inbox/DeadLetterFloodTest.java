package io.shequn.analytics.inbox;

import io.quarkus.test.junit.QuarkusTest;
import io.shequn.localstack.KafkaTestClient;
import io.shequn.localstack.LocalStack;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.LockSupport;
import java.util.function.BooleanSupplier;
import java.util.stream.IntStream;

import static io.shequn.localstack.CloudEventRecords.binary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Crash test (6): a misbehaving shop has put 100,000 schema-invalid records on purchase. Analytics
 * dead-letters them at no less than half the rate it applies valid events (both measured in this
 * run the same way: a backlog published while the consumer is paused, then drained), and
 * meanwhile check-ins, another topic of the same consumer, stay fresh: 99% of those sent during the
 * drain are counted by the API within a second of being sent.
 */
@QuarkusTest
class DeadLetterFloodTest {

    private static final int VALID = 10_000;
    private static final int FLOOD = 100_000;
    private static final Duration CHECK_IN_EVERY = Duration.ofMillis(50);

    @Inject
    KafkaClientService connector;

    @Test
    void aFloodOfBadRecordsIsDeadLetteredFastWhileOtherTopicsStayFresh() {
        String bootstrap = LocalStack.shared().kafka().bootstrapServers();
        try (KafkaTestClient shop = new KafkaTestClient(bootstrap); KafkaTestClient engagement = new KafkaTestClient(bootstrap)) {
            List<UUID> groups = IntStream.range(0, 10).mapToObj(i -> UUID.randomUUID()).toList();
            List<ProducerRecord<String, byte[]>> valid = new ArrayList<>(VALID);
            for (int i = 0; i < VALID; i++) {
                valid.add(CheckIns.checkIn(groups.get(i % groups.size())));
            }
            long resumed = backlog(engagement, valid);
            await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(100)).until(() -> CheckIns.count(groups) >= VALID);
            double appliedPerSecond = VALID / seconds(resumed, System.nanoTime());

            List<Long> quiet = freshness(engagement, 200, () -> false);

            List<ProducerRecord<String, byte[]>> flood = new ArrayList<>(FLOOD);
            for (int i = 0; i < FLOOD; i++) {
                UUID member = UUID.randomUUID();
                flood.add(binary("purchase", member.toString(), UUID.randomUUID().toString(), "/shop/misbehaving", "shequn.purchase.v1",
                        Instant.now(), "{\"orderId\":\"" + UUID.randomUUID() + "\",\"memberId\":\"" + member
                                + "\",\"amount\":-1,\"purchasedAt\":\"" + Instant.now() + "\"}"));
            }
            long deadLettersBefore = shop.size("purchase.dlq");
            double deadLetteredBefore = CheckIns.deadLettered("purchase");
            resumed = backlog(shop, flood);
            CompletableFuture<Long> drained = CompletableFuture.supplyAsync(() -> {
                await().atMost(Duration.ofMinutes(3)).pollInterval(Duration.ofMillis(200))
                        .until(() -> shop.size("purchase.dlq") - deadLettersBefore >= FLOOD);
                return System.nanoTime();
            });
            List<Long> fresh = freshness(engagement, Integer.MAX_VALUE, drained::isDone);
            double deadLetteredPerSecond = FLOOD / seconds(resumed, drained.join());

            System.out.printf("DeadLetterFloodTest: valid events applied %.0f/s, bad records dead-lettered %.0f/s; "
                            + "check-in freshness without the flood p50 %d ms, p99 %d ms; during it (%d check-ins) p50 %d ms, p99 %d ms, max %d ms%n",
                    appliedPerSecond, deadLetteredPerSecond, percentile(quiet, 50), percentile(quiet, 99), fresh.size(),
                    percentile(fresh, 50), percentile(fresh, 99), percentile(fresh, 100));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(CheckIns.deadLettered("purchase") - deadLetteredBefore)
                    .as("every bad record counted").isEqualTo(FLOOD));
            assertThat(fresh).as("check-ins sent during the flood").hasSizeGreaterThan(50);
            assertThat(percentile(fresh, 99)).as("p99 freshness (ms) of check-ins during the flood").isLessThan(1000);
            assertThat(deadLetteredPerSecond).as("bad records dead-lettered per second, valid events applied per second: %.0f", appliedPerSecond)
                    .isGreaterThanOrEqualTo(appliedPerSecond / 2);
        }
    }

    /**
     * Publishes the records while the inbox is paused, so that they wait as one backlog, then resumes it.
     *
     * @return when it was resumed ({@link System#nanoTime()})
     */
    private long backlog(KafkaTestClient kafka, List<ProducerRecord<String, byte[]>> records) {
        connector.getConsumer("inbox").pause().await().atMost(Duration.ofSeconds(10));
        try {
            kafka.sendAll(records);
        } finally {
            connector.getConsumer("inbox").resume().await().atMost(Duration.ofSeconds(10));
        }
        return System.nanoTime();
    }

    private static double seconds(long from, long to) {
        return (to - from) / 1e9;
    }

    /**
     * Sends a check-in of a new group every {@link #CHECK_IN_EVERY} until {@code count} are sent or
     * {@code until} holds, and waits until the API counts all of them.
     *
     * @return per check-in, milliseconds from its send until the first answer that counts it
     */
    private static List<Long> freshness(KafkaTestClient kafka, int count, BooleanSupplier until) {
        UUID group = UUID.randomUUID();
        List<Long> sentAt = new CopyOnWriteArrayList<>();
        ScheduledExecutorService checkIns = Executors.newSingleThreadScheduledExecutor();
        checkIns.scheduleAtFixedRate(() -> {
            if (sentAt.size() < count && !until.getAsBoolean()) {
                sentAt.add(System.nanoTime());
                kafka.sendAsync(CheckIns.checkIn(group));
            } else {
                checkIns.shutdown();
            }
        }, 0, CHECK_IN_EVERY.toMillis(), TimeUnit.MILLISECONDS);
        List<Long> freshness = new ArrayList<>();
        while (!checkIns.isTerminated() || freshness.size() < sentAt.size()) {
            int counted = CheckIns.count(group);
            long now = System.nanoTime();
            for (int k = freshness.size(); k < Math.min(counted, sentAt.size()); k++) {
                freshness.add((now - sentAt.get(k)) / 1_000_000);
            }
            if (freshness.size() < sentAt.size()) {
                assertThat(Duration.ofNanos(now - sentAt.get(freshness.size()))).as("check-in %d not counted", freshness.size() + 1)
                        .isLessThan(Duration.ofMinutes(1));
            }
            // The sampling period, a fraction of the freshness asked for: polling faster would take
            // the service's CPU from what is measured.
            LockSupport.parkNanos(Duration.ofMillis(20).toNanos());
        }
        return freshness;
    }

    private static long percentile(List<Long> values, int percent) {
        List<Long> sorted = values.stream().sorted().toList();
        return sorted.get(Math.max(0, (int) Math.ceil(sorted.size() * percent / 100.0) - 1));
    }
}
