package io.shequn.platform.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.binder.kafka.KafkaClientMetrics;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.producer.Producer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Duration;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.function.BiFunction;

/**
 * Publishes the Kafka clients' own metrics ({@code kafka_consumer_fetch_manager_records_lag} per
 * partition, producer rates, ...) the way Quarkus' Kafka binder does, for each client the
 * connector creates, but re-reads each client's set of metrics every
 * {@code shequn.kafka.metrics-refresh} instead of every minute. A rebalance (after a broker
 * restart, or when a replica joins) removes the per-partition lag metrics and creates new ones on
 * the next fetch; with a one-minute refresh the lag gauges went on showing the removed metrics'
 * last value through the whole catch-up that follows (issue 14, crash test 5). Quarkus' own binder
 * is switched off ({@code quarkus.micrometer.binder.kafka.enabled=false}) so each meter exists once.
 */
@ApplicationScoped
public class KafkaClientMeters {

    @Inject
    MeterRegistry registry;

    @ConfigProperty(name = "shequn.kafka.metrics-refresh")
    Duration refresh;

    private final Map<Object, KafkaClientMetrics> bound = new IdentityHashMap<>();

    void consumerCreated(@Observes Consumer<?, ?> consumer) {
        bind(consumer, (scheduler, interval) -> new KafkaClientMetrics(consumer, List.of(), scheduler, interval));
    }

    void producerCreated(@Observes Producer<?, ?> producer) {
        bind(producer, (scheduler, interval) -> new KafkaClientMetrics(producer, List.of(), scheduler, interval));
    }

    synchronized void stop(@Observes ShutdownEvent event) {
        bound.values().forEach(KafkaClientMetrics::close);
        bound.clear();
    }

    /** One refresh thread per client: closing a client's metrics shuts its scheduler down. */
    private synchronized void bind(Object client, BiFunction<ScheduledExecutorService, Duration, KafkaClientMetrics> metrics) {
        KafkaClientMetrics previous = bound.remove(client);
        if (previous != null) {
            previous.close();
        }
        ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(runnable -> {
            Thread thread = new Thread(runnable, "kafka-client-meters");
            thread.setDaemon(true);
            return thread;
        });
        KafkaClientMetrics created = metrics.apply(scheduler, refresh);
        created.bindTo(registry);
        bound.put(client, created);
    }
}
