package io.shequn.platform.outbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.shequn.contracts.EventJson;
import io.shequn.platform.events.CloudEvent;
import io.shequn.platform.events.CloudEventCodec;
import io.shequn.platform.kafka.KafkaSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Sends committed outbox rows to Kafka in order, waits for the broker's acknowledgement and only
 * then marks them published. Unacknowledged rows stay and are retried, so an event committed
 * while Kafka is down goes out when it is back. Rows are claimed with {@code FOR UPDATE SKIP
 * LOCKED}, so several replicas of a service can relay side by side without sending a row twice
 * in the normal case (Kafka delivery stays at-least-once; consumers deduplicate on the id).
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    private static final Duration CLEANUP_EVERY = Duration.ofHours(1);

    @Inject
    EntityManager entityManager;

    @Inject
    KafkaSettings kafka;

    @Inject
    MeterRegistry metrics;

    @Inject
    Clock clock;

    @ConfigProperty(name = "shequn.outbox.poll-interval")
    Duration pollInterval;

    @ConfigProperty(name = "shequn.outbox.batch-size")
    int batchSize;

    @ConfigProperty(name = "shequn.outbox.retention")
    Duration retention;

    private final Semaphore wakeUp = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;
    private Producer<String, byte[]> producer;
    private Counter published;
    private Counter failures;
    private Instant lastCleanup = Instant.EPOCH;

    void start(@Observes StartupEvent event) {
        published = metrics.counter("shequn.outbox.published");
        failures = metrics.counter("shequn.outbox.relay.failures");
        producer = new KafkaProducer<>(kafka.producer("outbox"));
        running = true;
        thread = new Thread(this::run, "outbox-relay");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        wakeUp.release();
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(20).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** Asks the relay to look for new rows now rather than at the next poll. */
    public void wake() {
        wakeUp.release();
    }

    private void run() {
        Duration backoff = pollInterval;
        while (running) {
            try {
                int sent = relayBatch();
                backoff = pollInterval;
                cleanupIfDue();
                if (sent == batchSize) {
                    continue;
                }
                awaitWakeUp(pollInterval);
            } catch (RuntimeException e) {
                failures.increment();
                LOG.warnf("Outbox relay failed, retrying in %s: %s", backoff, e.getMessage());
                awaitWakeUp(backoff);
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30) : backoff.multipliedBy(2);
            }
        }
    }

    private void awaitWakeUp(Duration timeout) {
        try {
            if (wakeUp.tryAcquire(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                wakeUp.drainPermits();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            running = false;
        }
    }

    /**
     * One transaction: claim the oldest unpublished rows, send them, mark the acknowledged ones.
     * What was acknowledged is committed even when some sends failed; then the failure is thrown.
     */
    int relayBatch() {
        BatchResult result = QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entityManager.createNativeQuery("""
                    select seq, event_id, topic, record_key, type, source, subject, event_time, cast(data as text), traceparent
                    from outbox_event
                    where published_at is null
                    order by seq
                    limit :limit
                    for update skip locked""")
                    .setParameter("limit", batchSize)
                    .getResultList();
            if (rows.isEmpty()) {
                return new BatchResult(0, null);
            }
            List<Future<RecordMetadata>> acks = new ArrayList<>(rows.size());
            for (Object[] row : rows) {
                acks.add(producer.send(CloudEventCodec.toRecord((String) row[2], (String) row[3], toCloudEvent(row))));
            }
            producer.flush();
            List<Long> acknowledged = new ArrayList<>(rows.size());
            RuntimeException firstFailure = null;
            for (int i = 0; i < rows.size(); i++) {
                try {
                    acks.get(i).get();
                    acknowledged.add(((Number) rows.get(i)[0]).longValue());
                } catch (Exception e) {
                    if (firstFailure == null) {
                        firstFailure = new IllegalStateException("Kafka did not acknowledge: " + e.getMessage(), e);
                    }
                }
            }
            if (!acknowledged.isEmpty()) {
                entityManager.createNativeQuery("update outbox_event set published_at = :now where seq in (:seqs)")
                        .setParameter("now", clock.instant())
                        .setParameter("seqs", acknowledged)
                        .executeUpdate();
                published.increment(acknowledged.size());
            }
            return new BatchResult(acknowledged.size(), firstFailure);
        });
        if (result.failure() != null) {
            throw result.failure();
        }
        return result.sent();
    }

    private record BatchResult(int sent, RuntimeException failure) {
    }

    private static CloudEvent toCloudEvent(Object[] row) {
        Instant time = row[7] instanceof Instant instant ? instant : ((java.time.OffsetDateTime) row[7]).toInstant();
        JsonNode data;
        try {
            data = EventJson.mapper().readTree((String) row[8]);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new CloudEvent(((UUID) row[1]).toString(), (String) row[5], (String) row[4], (String) row[6],
                time.atOffset(ZoneOffset.UTC), data, (String) row[9]);
    }

    private void cleanupIfDue() {
        Instant now = clock.instant();
        if (Duration.between(lastCleanup, now).compareTo(CLEANUP_EVERY) < 0) {
            return;
        }
        lastCleanup = now;
        int deleted = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("delete from outbox_event where published_at < :before")
                .setParameter("before", now.minus(retention))
                .executeUpdate());
        if (deleted > 0) {
            LOG.debugf("Deleted %d published outbox events older than %s", deleted, retention);
        }
    }
}
