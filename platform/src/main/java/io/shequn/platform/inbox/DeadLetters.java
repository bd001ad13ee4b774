package io.shequn.platform.inbox;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.arc.properties.IfBuildProperty;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.Callback;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Sends records that cannot be applied to {@code <topic>.dlq} with the producer of the
 * {@code dead-letters} channel: the original key, value and headers, plus {@code dlq-reason} (a
 * short stable code), {@code dlq-detail}, and where it came from ({@code dlq-original-topic},
 * {@code -partition}, {@code -offset}, {@code dlq-consumer}). Counted in
 * {@code shequn_events_dead_lettered_total{topic,reason}}. A batch's dead letters are handed to
 * the connector's sending thread in one go, acknowledged together and logged in one line, and the
 * inbox applies the next batch while the broker acknowledges them, so a flood of bad records costs
 * less than applying as many good ones does; through an emitter every record would be a message
 * of its own, acknowledged on its own, at several times that cost.
 */
@IfBuildProperty(name = "mp.messaging.incoming.inbox.enabled", stringValue = "true", enableIfMissing = true)
@ApplicationScoped
public class DeadLetters {

    /** Every {@code dlq-reason}: the codec's, the inbox's, and a listener that keeps failing. */
    static final List<String> REASONS = List.of("unparseable", "not-a-cloudevent", "unsupported-content-type",
            "unknown-type", "schema-invalid", "handler-failed");

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final int MAX_DETAIL = 1000;
    private static final Duration SEND_TIMEOUT = Duration.ofSeconds(60);

    @Inject
    KafkaClientService kafka;

    @Inject
    MeterRegistry metrics;

    @ConfigProperty(name = "quarkus.application.name")
    String serviceName;

    /** A record that goes to its dead-letter topic, and why. */
    record Letter(ConsumerRecord<String, byte[]> record, String reason, String detail) {
    }

    /** Registers the topic's counters at zero, so dashboards and alerts see them before the first dead letter. */
    void registerCounters(String topic) {
        REASONS.forEach(reason -> counter(topic, reason));
    }

    /**
     * Hands the letters to the producer's sending thread at once, without waiting for the broker.
     *
     * @return completes once the broker has every one (then they are counted and logged), so that
     * the batch's offsets may be committed; fails with {@link NotSent} if some did not arrive (send
     * them all again)
     */
    CompletableFuture<Void> send(List<Letter> letters) {
        if (letters.isEmpty()) {
            return CompletableFuture.completedFuture(null);
        }
        CompletableFuture<Void> durable = new CompletableFuture<>();
        AtomicInteger unacknowledged = new AtomicInteger(letters.size());
        Callback acknowledged = (metadata, failure) -> {
            if (failure != null) {
                durable.completeExceptionally(new NotSent(failure));
            } else if (unacknowledged.decrementAndGet() == 0) {
                durable.complete(null);
            }
        };
        kafka.<String, byte[]>getProducer("dead-letters").runOnSendingThread(producer -> {
            letters.forEach(letter -> producer.send(deadLetter(letter), acknowledged));
            return null;
        }).subscribe().with(sent -> { }, failure -> durable.completeExceptionally(new NotSent(failure)));
        return durable.orTimeout(SEND_TIMEOUT.toMillis(), TimeUnit.MILLISECONDS)
                .exceptionallyCompose(failure -> CompletableFuture.failedFuture(
                        failure instanceof NotSent ? failure : new NotSent(failure)))
                .thenRun(() -> counted(letters));
    }

    private void counted(List<Letter> letters) {
        Map<String, Integer> byReason = new TreeMap<>();
        for (Letter letter : letters) {
            counter(letter.record().topic(), letter.reason()).increment();
            byReason.merge(letter.record().topic() + " " + letter.reason(), 1, Integer::sum);
        }
        ConsumerRecord<String, byte[]> first = letters.get(0).record();
        LOG.warnf("Dead-lettered %d records %s; the first, %s-%d@%d: %s", letters.size(), byReason,
                first.topic(), first.partition(), first.offset(), letters.get(0).detail());
    }

    private ProducerRecord<String, byte[]> deadLetter(Letter letter) {
        ConsumerRecord<String, byte[]> record = letter.record();
        String detail = letter.detail() == null ? "" : letter.detail();
        Headers headers = new RecordHeaders(record.headers().toArray());
        put(headers, "dlq-reason", letter.reason());
        put(headers, "dlq-detail", detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) : detail);
        put(headers, "dlq-original-topic", record.topic());
        put(headers, "dlq-original-partition", Integer.toString(record.partition()));
        put(headers, "dlq-original-offset", Long.toString(record.offset()));
        put(headers, "dlq-consumer", serviceName);
        return new ProducerRecord<>(record.topic() + ".dlq", null, record.key(), record.value(), headers);
    }

    private Counter counter(String topic, String reason) {
        return Counter.builder("shequn.events.dead.lettered").tag("topic", topic).tag("reason", reason)
                .description("Records sent to <topic>.dlq, by topic and reason").register(metrics);
    }

    private static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    /** Kafka did not take every dead letter of a batch; they are sent again and the batch waits, as for a database outage. */
    static final class NotSent extends RuntimeException {
        NotSent(Throwable cause) {
            super("Dead letters not acknowledged: " + cause.getMessage(), cause);
        }
    }
}
