package io.shequn.platform.outbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import io.opentelemetry.api.trace.TraceFlags;
import io.opentelemetry.api.trace.TraceState;
import io.opentelemetry.context.Context;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import io.shequn.platform.events.CloudEvent;
import io.smallrye.reactive.messaging.MutinyEmitter;
import io.smallrye.reactive.messaging.TracingMetadata;
import io.smallrye.reactive.messaging.ce.OutgoingCloudEventMetadata;
import io.smallrye.reactive.messaging.kafka.api.OutgoingKafkaRecordMetadata;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Channel;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.eclipse.microprofile.reactive.messaging.Metadata;
import org.eclipse.microprofile.reactive.messaging.OnOverflow;
import org.jboss.logging.Logger;

import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;

/**
 * Sends committed outbox rows to Kafka through the {@code outbox} channel, in order, waits for
 * the broker's acknowledgement and only then marks them published. The connector writes them as
 * binary-mode CloudEvents and continues each event's trace. Unacknowledged rows stay and are
 * retried, so an event committed while Kafka is down goes out when it is back; while it is down
 * one row at a time is tried, rather than a batch that would all time out. Rows are claimed with
 * {@code FOR UPDATE SKIP LOCKED}, so several replicas of a service can relay side by side without
 * sending a row twice in the normal case (Kafka delivery stays at-least-once; consumers
 * deduplicate on the id). Its liveness check ({@link OutboxRelayLiveness}) is DOWN if the relay
 * thread has died.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    /** Longer than the producer's delivery timeout plus a blocked send; the transaction's timeout is longer still. */
    private static final Duration ACK_TIMEOUT = Duration.ofSeconds(45);

    @Inject
    EntityManager entityManager;

    @Inject
    @Channel("outbox")
    @OnOverflow(value = OnOverflow.Strategy.BUFFER, bufferSize = 2048)
    MutinyEmitter<byte[]> emitter;

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
    Thread thread;
    private Counter published;
    private Counter failures;

    void start(@Observes StartupEvent event) {
        published = Counter.builder("shequn.outbox.published")
                .description("Outbox events Kafka acknowledged").register(metrics);
        failures = Counter.builder("shequn.outbox.relay.failures")
                .description("Relay attempts that failed (Kafka or the database unavailable); they are retried").register(metrics);
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
    }

    /** Asks the relay to look for new rows now rather than at the next poll. */
    public void wake() {
        wakeUp.release();
    }

    boolean isAlive() {
        return thread != null && thread.isAlive();
    }

    private void run() {
        Duration backoff = pollInterval;
        boolean failing = false;
        while (running) {
            try {
                int limit = failing ? 1 : batchSize;
                int sent = relayBatch(limit);
                failing = false;
                backoff = pollInterval;
                if (sent == limit) {
                    continue;
                }
                awaitWakeUp(pollInterval);
            } catch (RuntimeException e) {
                failures.increment();
                failing = true;
                LOG.warnf("Outbox relay failed, retrying one event in %s: %s", backoff, e.getMessage());
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
    int relayBatch(int limit) {
        BatchResult result = QuarkusTransaction.requiringNew().timeout((int) ACK_TIMEOUT.multipliedBy(2).toSeconds()).call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entityManager.createNativeQuery("""
                    select seq, event_id, topic, record_key, type, source, subject, event_time, cast(data as text), traceparent
                    from outbox_event
                    where published_at is null
                    order by seq
                    limit :limit
                    for update skip locked""")
                    .setParameter("limit", limit)
                    .getResultList();
            if (rows.isEmpty()) {
                return new BatchResult(0, null);
            }
            // Sent with the transaction suspended: the connector's threads must not join it (the
            // context propagation would carry it over), only this thread marks the rows.
            List<CompletableFuture<Void>> acks = QuarkusTransaction.suspendingExisting().call(() -> rows.stream()
                    .map(row -> emitter.sendMessage(message(row)).subscribeAsCompletionStage()).toList());
            long deadline = System.nanoTime() + ACK_TIMEOUT.toNanos();
            List<Long> acknowledged = new ArrayList<>(rows.size());
            RuntimeException firstFailure = null;
            for (int i = 0; i < rows.size(); i++) {
                try {
                    acks.get(i).get(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
                    acknowledged.add(((Number) rows.get(i)[0]).longValue());
                } catch (Exception e) {
                    if (firstFailure == null) {
                        firstFailure = new IllegalStateException("Kafka did not acknowledge: " + e, e);
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

    /** The row as the connector writes it: binary-mode CloudEvent, keyed by aggregate, in the caller's trace. */
    private static Message<byte[]> message(Object[] row) {
        Instant time = row[7] instanceof Instant instant ? instant : ((OffsetDateTime) row[7]).toInstant();
        OutgoingCloudEventMetadata<byte[]> cloudEvent = OutgoingCloudEventMetadata.<byte[]>builder()
                .withId(((UUID) row[1]).toString())
                .withSource(URI.create((String) row[5]))
                .withType((String) row[4])
                .withSubject((String) row[6])
                .withTimestamp(time.atZone(ZoneOffset.UTC))
                .withDataContentType(CloudEvent.DATA_CONTENT_TYPE)
                .build();
        OutgoingKafkaRecordMetadata<String> kafka = OutgoingKafkaRecordMetadata.<String>builder()
                .withTopic((String) row[2]).withKey((String) row[3]).build();
        String[] trace = row[9] == null ? new String[0] : ((String) row[9]).split("-");
        Metadata metadata = trace.length != 4 ? Metadata.of(cloudEvent, kafka) : Metadata.of(cloudEvent, kafka, TracingMetadata.withCurrent(
                Context.root().with(Span.wrap(SpanContext.createFromRemoteParent(trace[1], trace[2], TraceFlags.fromHex(trace[3], 0), TraceState.getDefault())))));
        return Message.of(((String) row[8]).getBytes(StandardCharsets.UTF_8), metadata);
    }

    private record BatchResult(int sent, RuntimeException failure) {
    }

    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void deletePublished() {
        int deleted = QuarkusTransaction.requiringNew().call(() -> entityManager
                .createNativeQuery("delete from outbox_event where published_at < :before")
                .setParameter("before", clock.instant().minus(retention))
                .executeUpdate());
        if (deleted > 0) {
            LOG.debugf("Deleted %d published outbox events older than %s", deleted, retention);
        }
    }
}
