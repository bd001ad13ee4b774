package io.shequn.platform.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.Startup;
import io.shequn.contracts.EventData;
import io.shequn.contracts.EventJson;
import io.shequn.contracts.EventSchemas;
import io.shequn.platform.events.CloudEvent;
import io.shequn.platform.events.CloudEventCodec;
import io.shequn.platform.events.InvalidEventException;
import io.quarkus.arc.properties.IfBuildProperty;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.common.TopicPartition;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.eclipse.microprofile.reactive.messaging.Message;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.BiConsumer;

/**
 * Applies the batches of the service's {@code inbox} channel, whose topics and consumer group are
 * in the service's application.properties. The connector polls, pauses the consumer while a batch
 * is being applied, commits a batch's offsets once it is acknowledged and reports health; per batch
 * this class:
 * <ol>
 * <li>decodes each record (binary or structured CloudEvent), checks its type and validates its
 * data against the contract's JSON Schema; a bad record goes to its dead-letter topic alone;</li>
 * <li>applies the valid ones in one database transaction: one statement records their ids in the
 * {@link Inbox} (dropping those applied before), then each run of consecutive events of one topic
 * goes to its listener's {@link InboxListener#onBatch};</li>
 * <li>acknowledges the batch once that transaction and the dead letters are durable; the next batch
 * is applied while the broker acknowledges the dead letters, so that a flood of bad records on one
 * topic holds the other topics' events back as little as possible.</li>
 * </ol>
 * If the transaction fails, the batch is split in halves until the event that fails is alone; it
 * is tried again and then dead-lettered, and the rest is applied. Database outages are not the
 * event's fault: the batch waits and is tried again until the database is back. An {@link Error}
 * is nobody's event's fault either: the batch is nacked, which stops the channel
 * ({@code failure-strategy=fail}), and liveness turns DOWN so the service is restarted.
 * <p>
 * Not the connector's {@code dead-letter-queue} failure strategy: a batch is one message to it, so a
 * nack would send every record of the batch to the dead-letter topic. Batches are applied on a
 * thread of this class rather than a {@code @Blocking} worker because a batch may wait out a long
 * database outage, which Vert.x would report, every second, as a blocked worker.
 * <p>
 * A service that consumes nothing disables the channel ({@code mp.messaging.incoming.inbox.enabled=false})
 * and has neither this bean nor {@link DeadLetters}.
 */
@IfBuildProperty(name = "mp.messaging.incoming.inbox.enabled", stringValue = "true", enableIfMissing = true)
@Startup
@ApplicationScoped
public class InboxConsumer {

    private static final Logger LOG = Logger.getLogger(InboxConsumer.class);
    private static final int ATTEMPTS = 3;
    private static final Duration INITIAL_BACKOFF = Duration.ofMillis(500);
    private static final Duration MAX_BACKOFF = Duration.ofSeconds(30);

    @Inject
    @Any
    Instance<InboxListener<?>> listenerBeans;

    @Inject
    Inbox inbox;

    @Inject
    DeadLetters deadLetters;

    @Inject
    MeterRegistry metrics;

    @ConfigProperty(name = "mp.messaging.incoming.inbox.topics")
    Optional<Set<String>> subscribed;

    /**
     * Test hook, never set in production: once the batch holding this event id is committed to the
     * database, the batch is never acknowledged, so the test can kill the process before its
     * offsets are committed.
     */
    @ConfigProperty(name = "shequn.inbox.test.stall-after-commit-of")
    Optional<String> stallAfterCommitOf;

    private final Map<String, InboxListener<?>> listeners = new HashMap<>();
    private final Map<String, Counter> applied = new HashMap<>();
    private final Map<String, Counter> duplicates = new HashMap<>();
    private final Map<TopicPartition, Long> appliedOffsets = new HashMap<>();
    private final ExecutorService thread = Executors.newSingleThreadExecutor(runnable -> {
        Thread t = new Thread(runnable, "inbox");
        t.setDaemon(true);
        return t;
    });
    private volatile boolean stopping;
    /** The dead letters of the batch applied last, on their way while the next batch is applied. */
    private CompletableFuture<Boolean> previousDeadLetters = CompletableFuture.completedFuture(true);

    /** Before the connector delivers the first batch: the listeners, their counters, the topic check. */
    @PostConstruct
    void start() {
        for (InboxListener<?> listener : listenerBeans) {
            String topic = listener.contract().topic();
            InboxListener<?> previous = listeners.put(topic, listener);
            if (previous != null) {
                throw new IllegalStateException("Two listeners for " + topic + ": "
                        + previous.getClass().getName() + " and " + listener.getClass().getName());
            }
            applied.put(topic, Counter.builder("shequn.events.applied").tag("topic", topic)
                    .description("Events applied to this service's state, by topic").register(metrics));
            duplicates.put(topic, Counter.builder("shequn.events.duplicates").tag("topic", topic)
                    .description("Redelivered events the inbox recognised and skipped, by topic").register(metrics));
            deadLetters.registerCounters(topic);
        }
        Set<String> configured = subscribed.orElse(Set.of());
        if (!configured.equals(listeners.keySet())) {
            throw new IllegalStateException("mp.messaging.incoming.inbox.topics must list exactly the topics of the "
                    + "service's InboxListeners: " + new TreeSet<>(listeners.keySet()) + ", not " + new TreeSet<>(configured));
        }
    }

    void stop(@Observes ShutdownEvent event) {
        stopping = true;
        thread.shutdown();
    }

    @Incoming("inbox")
    public CompletionStage<Void> consume(Message<ConsumerRecords<String, byte[]>> batch) {
        CompletableFuture<CompletableFuture<Boolean>> applied = CompletableFuture.supplyAsync(() -> apply(batch.getPayload()), thread);
        // The connector hands over the next batch once this one is applied; this one is acknowledged
        // when its dead letters are durable too (the throttled commit strategy commits an offset
        // only once every record before it is acknowledged), and not when stopping halfway: the
        // batch is read again after the restart.
        applied.thenAccept(deadLettered -> deadLettered
                .thenCompose(done -> done ? batch.ack() : CompletableFuture.completedFuture(null))
                .exceptionallyCompose(failure -> stop(batch, failure)));
        return applied.<Void>thenApply(deadLettered -> null).exceptionallyCompose(failure -> stop(batch, failure));
    }

    /**
     * What the platform does not handle (an Error while applying, a bug) is nacked, not swallowed:
     * failure-strategy=fail then stops the channel and its liveness check says so.
     */
    private static CompletionStage<Void> stop(Message<ConsumerRecords<String, byte[]>> batch, Throwable failure) {
        Throwable cause = failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        LOG.errorf(cause, "The inbox stops: applying a batch of %d records failed", batch.getPayload().count());
        return batch.nack(cause);
    }

    /**
     * Runs {@code task} on the inbox thread between two batches, so live consumption is paused while
     * it runs, and every event of {@link #appliedOffsets()} is in the database. Used to swap in
     * rebuilt read models without losing an event.
     */
    public <T> T whilePaused(Callable<T> task, Duration timeout) throws Exception {
        Future<T> future = thread.submit(task);
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    /**
     * The next offset to apply of each partition this instance has applied batches of; call from
     * {@link #whilePaused}. The committed offsets may still be behind (the connector commits them
     * every few seconds).
     */
    public Map<TopicPartition, Long> appliedOffsets() {
        return Map.copyOf(appliedOffsets);
    }

    /**
     * Applies records again, to rebuild read models from history: the same decoding, listeners
     * and inbox as live consumption, one transaction per call that first runs {@code prepare}
     * (which points the transaction at other tables). Records that are invalid or whose handler
     * fails are skipped: live consumption dead-lettered them already.
     *
     * @return how many records were applied
     */
    public int replay(List<ConsumerRecord<String, byte[]>> records, Runnable prepare) {
        List<Decoded<?>> valid = new ArrayList<>(records.size());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                valid.add(decode(record));
            } catch (InvalidEventException e) {
                LOG.debugf("Replay skips %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), e.getMessage());
            }
        }
        Map<String, int[]> counts = applyIsolating(valid, prepare, (failed, detail) -> LOG.debugf("Replay skips event %s that fails: %s",
                failed.received().id(), detail));
        return counts.values().stream().mapToInt(c -> c[0] + c[1]).sum();
    }

    /**
     * Applies the valid records and hands the bad ones to {@link DeadLetters}; returns once the
     * previous batch's dead letters are durable. So while a batch is applied only the previous
     * batch's dead letters are on their way (both batches' only while this one's are being sent).
     *
     * @return completes with true once this batch's dead letters are durable, with false if the
     * service is stopping and the batch was not (completely) applied or dead-lettered
     */
    private CompletableFuture<Boolean> apply(ConsumerRecords<String, byte[]> records) {
        List<Decoded<?>> valid = new ArrayList<>(records.count());
        List<DeadLetters.Letter> rejected = new ArrayList<>();
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                valid.add(decode(record));
            } catch (InvalidEventException e) {
                rejected.add(new DeadLetters.Letter(record, e.reason(), e.getMessage()));
            }
        }
        CompletableFuture<Boolean> deadLettered;
        try {
            applyIsolating(valid, () -> { }, (failed, detail) -> rejected.add(new DeadLetters.Letter(failed.record(), "handler-failed", detail)))
                    .forEach((topic, counts) -> {
                        applied.get(topic).increment(counts[0]);
                        duplicates.get(topic).increment(counts[1]);
                    });
            deadLettered = deadLetter(rejected, INITIAL_BACKOFF);
            awaitDurable(previousDeadLetters);
            previousDeadLetters = deadLettered;
        } catch (Stopping e) {
            return CompletableFuture.completedFuture(false);
        }
        for (TopicPartition partition : records.partitions()) {
            List<ConsumerRecord<String, byte[]>> ofPartition = records.records(partition);
            appliedOffsets.put(partition, ofPartition.get(ofPartition.size() - 1).offset() + 1);
        }
        if (stallAfterCommitOf.isPresent() && valid.stream().anyMatch(d -> d.received().id().equals(stallAfterCommitOf.get()))) {
            LOG.warnf("Test hook: the batch of event %s is committed and will not be acknowledged", stallAfterCommitOf.get());
            while (!stopping) {
                sleep(Duration.ofSeconds(1));
            }
            return CompletableFuture.completedFuture(false);
        }
        return deadLettered;
    }

    /**
     * Sends the letters, and again, with back-off, for as long as Kafka does not acknowledge them
     * all: that is never the records' fault.
     *
     * @return completes with true once they are durable, with false if the service is stopping first
     */
    private CompletableFuture<Boolean> deadLetter(List<DeadLetters.Letter> letters, Duration backoff) {
        return deadLetters.send(letters).thenApply(durable -> true).exceptionallyCompose(failure -> {
            if (stopping) {
                return CompletableFuture.completedFuture(false);
            }
            LOG.warnf("Dead letters of a batch are sent again in %s: %s", backoff, rootMessage(failure));
            return CompletableFuture.supplyAsync(() -> null, CompletableFuture.delayedExecutor(backoff.toMillis(), TimeUnit.MILLISECONDS))
                    .thenCompose(again -> deadLetter(letters, longer(backoff)));
        });
    }

    private void awaitDurable(CompletableFuture<Boolean> deadLettered) {
        while (true) {
            if (stopping) {
                throw new Stopping();
            }
            try {
                deadLettered.get(100, TimeUnit.MILLISECONDS);
                return;
            } catch (TimeoutException e) {
                // still on its way
            } catch (ExecutionException e) {
                return; // the batch it belongs to is nacked, which stops the channel
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Stopping();
            }
        }
    }

    /**
     * Applies {@code batch} in one transaction, or, if it fails for a reason other than the
     * database being unavailable, its halves, down to single events, which are tried
     * {@value #ATTEMPTS} times before they are given to {@code failed}.
     *
     * @return per topic, how many events were applied and how many were duplicates
     */
    private Map<String, int[]> applyIsolating(List<Decoded<?>> batch, Runnable prepare, BiConsumer<Decoded<?>, String> failed) {
        if (batch.isEmpty()) {
            return Map.of();
        }
        RuntimeException failure = null;
        for (int attempt = 1; attempt <= (batch.size() == 1 ? ATTEMPTS : 1); attempt++) {
            try {
                return untilDone(() -> QuarkusTransaction.requiringNew().call(() -> {
                    prepare.run();
                    return applyAll(batch);
                }));
            } catch (Stopping e) {
                throw e;
            } catch (RuntimeException e) {
                rethrowError(e);
                failure = e;
                sleep(Duration.ofMillis(100L * attempt));
            }
        }
        if (batch.size() == 1) {
            ReceivedEvent event = batch.get(0).received();
            LOG.errorf(failure, "Event %s from %s (%s-%d@%d) failed %d times", event.id(), event.source(),
                    event.topic(), event.partition(), event.offset(), ATTEMPTS);
            failed.accept(batch.get(0), rootMessage(failure));
            return Map.of();
        }
        LOG.debugf("Batch of %d failed, applying its halves: %s", batch.size(), failure.getMessage());
        Map<String, int[]> counts = new HashMap<>(applyIsolating(batch.subList(0, batch.size() / 2), prepare, failed));
        applyIsolating(batch.subList(batch.size() / 2, batch.size()), prepare, failed).forEach((topic, c) ->
                counts.merge(topic, c, (a, b) -> new int[] {a[0] + b[0], a[1] + b[1]}));
        return counts;
    }

    /**
     * Runs {@code work} again, with back-off, for as long as it fails because the database is
     * unavailable: that is never the event's fault.
     */
    private <T> T untilDone(Callable<T> work) {
        Duration backoff = INITIAL_BACKOFF;
        while (true) {
            if (stopping) {
                throw new Stopping();
            }
            try {
                return work.call();
            } catch (Exception e) {
                if (!isTransient(e)) {
                    throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
                }
                LOG.warnf("Inbox paused for %s, the batch will be applied when the database is back: %s", backoff, rootMessage(e));
                sleep(backoff);
                backoff = longer(backoff);
            }
        }
    }

    private static Duration longer(Duration backoff) {
        return backoff.multipliedBy(2).compareTo(MAX_BACKOFF) > 0 ? MAX_BACKOFF : backoff.multipliedBy(2);
    }

    private Decoded<?> decode(ConsumerRecord<String, byte[]> record) throws InvalidEventException {
        CloudEvent event = CloudEventCodec.fromRecord(record);
        InboxListener<?> listener = listeners.get(record.topic());
        if (!listener.contract().type().equals(event.type())) {
            throw new InvalidEventException("unknown-type",
                    "Type " + event.type() + " is not " + listener.contract().type() + " expected on " + record.topic());
        }
        if (event.time() == null) {
            throw new InvalidEventException("not-a-cloudevent", "Required attribute time is missing");
        }
        if (event.data() == null || event.data().isNull()) {
            throw new InvalidEventException("schema-invalid", "The event has no data");
        }
        List<String> violations = EventSchemas.violations(listener.contract(), event.data());
        if (!violations.isEmpty()) {
            throw new InvalidEventException("schema-invalid", String.join("; ", violations));
        }
        ReceivedEvent received = new ReceivedEvent(event.id(), event.source(), event.type(), event.subject(),
                event.time().toInstant(), record.topic(), record.partition(), record.offset());
        return bind(listener, event, received, record);
    }

    private static <T extends EventData> Decoded<T> bind(InboxListener<T> listener, CloudEvent event,
                                                         ReceivedEvent received, ConsumerRecord<String, byte[]> record)
            throws InvalidEventException {
        try {
            T data = EventJson.mapper().treeToValue(event.data(), listener.contract().dataType());
            return new Decoded<>(listener, data, received, record);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidEventException("schema-invalid", "Data does not bind: " + e.getMessage(), e);
        }
    }

    /**
     * Applies a batch in the current transaction: one statement records all their ids in the inbox,
     * then each run of consecutive events of one topic goes to its listener's {@link InboxListener#onBatch}.
     *
     * @return per topic, how many events were applied and how many were duplicates
     */
    @SuppressWarnings({"unchecked", "rawtypes"})
    private Map<String, int[]> applyAll(List<Decoded<?>> batch) {
        Set<Integer> first = inbox.firstDeliveries(batch.stream().map(Decoded::received).toList());
        Map<String, int[]> counts = new LinkedHashMap<>();
        int start = 0;
        while (start < batch.size()) {
            int end = start + 1;
            while (end < batch.size() && batch.get(end).listener() == batch.get(start).listener()) {
                end++;
            }
            List<InboxListener.Delivery<?>> run = new ArrayList<>();
            for (int i = start; i < end; i++) {
                if (first.contains(i)) {
                    run.add(new InboxListener.Delivery<>(batch.get(i).data(), batch.get(i).received()));
                }
            }
            if (!run.isEmpty()) {
                ((InboxListener) batch.get(start).listener()).onBatch((List) run);
            }
            int[] topicCounts = counts.computeIfAbsent(batch.get(start).received().topic(), topic -> new int[2]);
            topicCounts[0] += run.size();
            topicCounts[1] += end - start - run.size();
            start = end;
        }
        return counts;
    }

    /**
     * An {@link Error} (a class missing from a broken deployment, memory exhausted), which the
     * transaction wraps, is not the event's fault: dead-lettering would drop every valid event until
     * someone noticed. It stops the channel instead; the batch is not acknowledged and is read again
     * after the restart that liveness asks for.
     */
    private static void rethrowError(RuntimeException failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof Error error) {
                throw error;
            }
        }
    }

    /** Connection loss, serialization failures and deadlocks: worth retrying, not the event's fault. */
    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof org.hibernate.exception.JDBCConnectionException) {
                return true;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && (sql.getSQLState().startsWith("08") || sql.getSQLState().startsWith("40")
                    || sql.getSQLState().startsWith("53") || sql.getSQLState().startsWith("57P"))) {
                return true;
            }
        }
        return false;
    }

    static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private void sleep(Duration duration) {
        long until = System.nanoTime() + duration.toNanos();
        while (!stopping && System.nanoTime() < until) {
            try {
                Thread.sleep(Math.min(100, Math.max(1, (until - System.nanoTime()) / 1_000_000)));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new Stopping();
            }
        }
    }

    private record Decoded<T extends EventData>(InboxListener<T> listener, T data, ReceivedEvent received,
                                                ConsumerRecord<String, byte[]> record) {
    }

    /** The service is shutting down: leave the batch unacknowledged, it is read again after the restart. */
    private static final class Stopping extends RuntimeException {
        Stopping() {
            super("stopping", null, false, false);
        }
    }
}
