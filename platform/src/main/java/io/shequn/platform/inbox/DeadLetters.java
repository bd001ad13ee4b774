package io.shequn.platform.inbox;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.shequn.platform.kafka.KafkaSettings;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.Producer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.jboss.logging.Logger;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Sends an event that cannot be applied to {@code <topic>.dlq}: the original key, value and
 * headers, plus {@code dlq-reason} (a short stable code), {@code dlq-detail}, and where it came
 * from. Counted in {@code shequn_events_dead_lettered_total{topic,reason}}.
 */
@ApplicationScoped
public class DeadLetters {

    public static final String REASON = "dlq-reason";
    public static final String DETAIL = "dlq-detail";
    public static final String ORIGINAL_TOPIC = "dlq-original-topic";
    public static final String ORIGINAL_PARTITION = "dlq-original-partition";
    public static final String ORIGINAL_OFFSET = "dlq-original-offset";
    public static final String CONSUMER = "dlq-consumer";

    private static final Logger LOG = Logger.getLogger(DeadLetters.class);
    private static final int MAX_DETAIL = 1000;

    @Inject
    KafkaSettings kafka;

    @Inject
    MeterRegistry metrics;

    private Producer<String, byte[]> producer;

    void start(@Observes StartupEvent event) {
        producer = new KafkaProducer<>(kafka.producer("dead-letters"));
    }

    void stop(@Observes ShutdownEvent event) {
        if (producer != null) {
            producer.close(Duration.ofSeconds(5));
        }
    }

    /** Blocks until the broker has the dead letter, so the original's offset may then be committed. */
    public void send(ConsumerRecord<String, byte[]> record, String reason, String detail)
            throws ExecutionException, InterruptedException, TimeoutException {
        Headers headers = new RecordHeaders(record.headers().toArray());
        add(headers, REASON, reason);
        add(headers, DETAIL, detail == null ? "" : detail.length() > MAX_DETAIL ? detail.substring(0, MAX_DETAIL) : detail);
        add(headers, ORIGINAL_TOPIC, record.topic());
        add(headers, ORIGINAL_PARTITION, Integer.toString(record.partition()));
        add(headers, ORIGINAL_OFFSET, Long.toString(record.offset()));
        add(headers, CONSUMER, kafka.serviceName());
        producer.send(new ProducerRecord<>(record.topic() + ".dlq", null, record.key(), record.value(), headers))
                .get(30, TimeUnit.SECONDS);
        metrics.counter("shequn.events.dead.lettered", "topic", record.topic(), "reason", reason).increment();
        LOG.warnf("Dead-lettered %s-%d@%d: %s", record.topic(), record.partition(), record.offset(), reason);
    }

    private static void add(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }
}
