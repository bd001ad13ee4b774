package io.shequn.platform.inbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.micrometer.core.instrument.MeterRegistry;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanKind;
import io.opentelemetry.api.trace.Tracer;
import io.opentelemetry.context.Scope;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.shequn.contracts.EventData;
import io.shequn.contracts.EventJson;
import io.shequn.contracts.EventSchemas;
import io.shequn.platform.events.CloudEvent;
import io.shequn.platform.events.CloudEventCodec;
import io.shequn.platform.events.InvalidEventException;
import io.shequn.platform.kafka.KafkaSettings;
import io.shequn.platform.kafka.TopicAdmin;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.WakeupException;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * The one Kafka consumer of a service. It reads every topic that the service's
 * {@link InboxListener}s handle and, per poll:
 * <ol>
 * <li>decodes each record (binary or structured CloudEvent), checks its type and validates its
 * data against the contract's JSON Schema; a bad record goes to the dead-letter topic;</li>
 * <li>applies the valid ones in one database transaction: one statement records their ids in the
 * {@link Inbox} (dropping those applied before), then each run of consecutive events of one topic
 * goes to its listener's {@link InboxListener#onBatch} (one by one unless the listener batches);</li>
 * <li>commits the offsets only after that transaction.</li>
 * </ol>
 * If the batch fails, its events are applied one transaction each to isolate the culprit, which
 * is retried and then dead-lettered. Database outages are not the event's fault: the batch is
 * re-read later instead.
 */
@ApplicationScoped
public class InboxConsumer {

    private static final Logger LOG = Logger.getLogger(InboxConsumer.class);
    private static final Duration POLL = Duration.ofMillis(500);
    private static final int ATTEMPTS = 3;

    @Inject
    @Any
    Instance<InboxListener<?>> listenerBeans;

    @Inject
    KafkaSettings kafka;

    @Inject
    TopicAdmin topicAdmin;

    @Inject
    Inbox inbox;

    @Inject
    DeadLetters deadLetters;

    @Inject
    MeterRegistry metrics;

    @Inject
    Tracer tracer;

    private final Map<String, InboxListener<?>> listeners = new HashMap<>();
    private final BlockingQueue<FutureTask<?>> pausedTasks = new LinkedBlockingQueue<>();
    private volatile boolean running;
    private volatile KafkaConsumer<String, byte[]> consumer;
    private Thread thread;

    void start(@Observes StartupEvent event) {
        for (InboxListener<?> listener : listenerBeans) {
            InboxListener<?> previous = listeners.put(listener.contract().topic(), listener);
            if (previous != null) {
                throw new IllegalStateException("Two listeners for " + listener.contract().topic() + ": "
                        + previous.getClass().getName() + " and " + listener.getClass().getName());
            }
        }
        if (listeners.isEmpty()) {
            return;
        }
        running = true;
        thread = new Thread(this::run, "inbox-consumer");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        KafkaConsumer<String, byte[]> current = consumer;
        if (current != null) {
            current.wakeup();
        }
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(20).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private void run() {
        if (!ensureTopics()) {
            return;
        }
        try (KafkaConsumer<String, byte[]> kafkaConsumer = new KafkaConsumer<>(kafka.consumer())) {
            consumer = kafkaConsumer;
            kafkaConsumer.subscribe(listeners.keySet());
            Duration backoff = Duration.ofMillis(500);
            while (running) {
                runPausedTasks();
                ConsumerRecords<String, byte[]> records = kafkaConsumer.poll(POLL);
                if (records.isEmpty()) {
                    continue;
                }
                try {
                    process(records);
                    kafkaConsumer.commitSync();
                    backoff = Duration.ofMillis(500);
                } catch (RetryLater e) {
                    LOG.warnf("Inbox paused for %s, the batch will be read again: %s", backoff, e.getMessage());
                    rewind(kafkaConsumer, records);
                    sleep(backoff);
                    backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(30)) > 0 ? Duration.ofSeconds(30) : backoff.multipliedBy(2);
                }
            }
        } catch (WakeupException e) {
            if (running) {
                throw e;
            }
        } catch (RuntimeException e) {
            LOG.error("Inbox consumer stopped", e);
        } finally {
            consumer = null;
        }
    }

    /** The topics this service consumes. */
    public Set<String> topics() {
        return Set.copyOf(listeners.keySet());
    }

    /**
     * Runs {@code task} on the consumer's thread between two batches, so live consumption is paused
     * while it runs and every offset it sees committed is reflected in the database. Used to swap
     * in rebuilt read models without losing an event. Runs it right away if nothing is consumed.
     */
    public <T> T whilePaused(Callable<T> task, Duration timeout) throws Exception {
        if (thread == null || !thread.isAlive()) {
            return task.call();
        }
        FutureTask<T> future = new FutureTask<>(task);
        pausedTasks.add(future);
        try {
            return future.get(timeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            throw e.getCause() instanceof Exception cause ? cause : e;
        }
    }

    private void runPausedTasks() {
        for (FutureTask<?> task = pausedTasks.poll(); task != null; task = pausedTasks.poll()) {
            task.run();
        }
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
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                prepare.run();
                applyAll(valid, false);
            });
            return valid.size();
        } catch (RuntimeException batchFailure) {
            if (isTransient(batchFailure)) {
                throw batchFailure;
            }
            int applied = 0;
            for (Decoded<?> decoded : valid) {
                try {
                    QuarkusTransaction.requiringNew().run(() -> {
                        prepare.run();
                        applyAll(List.of(decoded), false);
                    });
                    applied++;
                } catch (RuntimeException e) {
                    if (isTransient(e)) {
                        throw e;
                    }
                    LOG.debugf("Replay skips event %s that fails: %s", decoded.received().id(), rootMessage(e));
                }
            }
            return applied;
        }
    }

    private boolean ensureTopics() {
        Duration backoff = Duration.ofMillis(500);
        while (running) {
            try {
                topicAdmin.ensureCatalogueTopics();
                return true;
            } catch (Exception e) {
                LOG.warnf("Kafka not reachable to check topics, retrying in %s: %s", backoff, e.getMessage());
                sleep(backoff);
                backoff = backoff.multipliedBy(2).compareTo(Duration.ofSeconds(10)) > 0 ? Duration.ofSeconds(10) : backoff.multipliedBy(2);
            }
        }
        return false;
    }

    void process(ConsumerRecords<String, byte[]> records) {
        List<Decoded<?>> valid = new ArrayList<>(records.count());
        for (ConsumerRecord<String, byte[]> record : records) {
            try {
                valid.add(decode(record));
            } catch (InvalidEventException e) {
                deadLetter(record, e.reason(), e.getMessage());
            }
        }
        if (valid.isEmpty()) {
            return;
        }
        try {
            QuarkusTransaction.requiringNew().run(() -> applyAll(valid, true));
        } catch (RuntimeException batchFailure) {
            if (isTransient(batchFailure)) {
                throw new RetryLater(batchFailure);
            }
            LOG.debugf("Batch of %d failed, applying one by one: %s", valid.size(), batchFailure.getMessage());
            valid.forEach(this::applyAlone);
        }
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
            return new Decoded<>(listener, data, received, event.traceparent(), record);
        } catch (JsonProcessingException | IllegalArgumentException e) {
            throw new InvalidEventException("schema-invalid", "Data does not bind: " + e.getMessage(), e);
        }
    }

    /**
     * Applies a batch in one transaction: one statement records all their ids in the inbox, then
     * each run of consecutive events of one topic goes to its listener's {@link InboxListener#onBatch}.
     */
    private void applyAll(List<Decoded<?>> batch, boolean live) {
        Set<Integer> first = inbox.firstDeliveries(batch.stream().map(Decoded::received).toList());
        int start = 0;
        while (start < batch.size()) {
            int end = start + 1;
            while (end < batch.size() && batch.get(end).listener() == batch.get(start).listener()) {
                end++;
            }
            List<Decoded<?>> run = new ArrayList<>();
            for (int i = start; i < end; i++) {
                if (first.contains(i)) {
                    run.add(batch.get(i));
                }
            }
            String topic = batch.get(start).received().topic();
            if (!run.isEmpty()) {
                applyRun(run);
            }
            if (live) {
                metrics.counter("shequn.events.applied", "topic", topic).increment(run.size());
                metrics.counter("shequn.events.duplicates", "topic", topic).increment(end - start - run.size());
            }
            start = end;
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private void applyRun(List<Decoded<?>> run) {
        Decoded<?> head = run.get(0);
        // One span for the run, child of the first event's trace and linked to the others'.
        var builder = tracer.spanBuilder(head.received().topic() + " process")
                .setParent(io.shequn.platform.tracing.TraceContext.fromTraceparent(head.traceparent()))
                .setSpanKind(SpanKind.CONSUMER)
                .setAttribute("messaging.system", "kafka")
                .setAttribute("messaging.destination.name", head.received().topic())
                .setAttribute("messaging.batch.message_count", run.size())
                .setAttribute("messaging.message.id", head.received().id());
        for (Decoded<?> other : run.subList(1, run.size())) {
            var context = Span.fromContext(io.shequn.platform.tracing.TraceContext.fromTraceparent(other.traceparent())).getSpanContext();
            if (context.isValid()) {
                builder.addLink(context);
            }
        }
        Span span = builder.startSpan();
        try (Scope ignored = span.makeCurrent()) {
            List deliveries = run.stream().map(d -> new InboxListener.Delivery<>(d.data(), d.received())).toList();
            ((InboxListener) head.listener()).onBatch(deliveries);
        } finally {
            span.end();
        }
    }

    private void applyAlone(Decoded<?> decoded) {
        RuntimeException last = null;
        for (int attempt = 1; attempt <= ATTEMPTS; attempt++) {
            try {
                QuarkusTransaction.requiringNew().run(() -> applyAll(List.of(decoded), true));
                return;
            } catch (RuntimeException e) {
                if (isTransient(e)) {
                    throw new RetryLater(e);
                }
                last = e;
                sleep(Duration.ofMillis(100L * attempt));
            }
        }
        LOG.errorf(last, "Event %s from %s failed %d times", decoded.received().id(), decoded.received().source(), ATTEMPTS);
        deadLetter(decoded.record(), "handler-failed", rootMessage(last));
    }

    private void deadLetter(ConsumerRecord<String, byte[]> record, String reason, String detail) {
        try {
            deadLetters.send(record, reason, detail);
        } catch (Exception e) {
            // Without the dead letter the offset must not move on: read the batch again later.
            throw new RetryLater(e);
        }
    }

    private static void rewind(KafkaConsumer<String, byte[]> consumer, ConsumerRecords<String, byte[]> records) {
        for (TopicPartition partition : records.partitions()) {
            consumer.seek(partition, records.records(partition).get(0).offset());
        }
    }

    /** Connection loss, serialization failures and deadlocks: worth retrying, not the event's fault. */
    static boolean isTransient(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof SQLTransientException || t instanceof SQLRecoverableException
                    || t instanceof org.hibernate.exception.JDBCConnectionException
                    || t instanceof RetryLater) {
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

    private static String rootMessage(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + ": " + root.getMessage();
    }

    private static void sleep(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private record Decoded<T extends EventData>(InboxListener<T> listener, T data, ReceivedEvent received,
                                                String traceparent, ConsumerRecord<String, byte[]> record) {
    }

    /** The batch must be read again later; nothing of it is lost. */
    static final class RetryLater extends RuntimeException {
        RetryLater(Throwable cause) {
            super(cause.getMessage(), cause);
        }
    }
}
