package io.shequn.analytics.rebuild;

import io.shequn.analytics.health.HealthSweep;
import io.shequn.platform.inbox.InboxConsumer;
import io.smallrye.common.annotation.Identifier;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Recomputes every read model from the Kafka history (docs/analytics.md, "Rebuild"):
 * <ol>
 * <li>copies the shape of every table into an empty schema, {@value #SCHEMA};</li>
 * <li>replays every topic from offset 0 up to the offsets the live consumer has committed, through
 * the same listeners and inbox, into those tables (live consumption goes on meanwhile);</li>
 * <li>pauses live consumption, replays the few events it applied in the meantime, re-assesses
 * group health as of yesterday on both sides, and swaps the rebuilt tables in, in one transaction;</li>
 * <li>resumes live consumption where it was.</li>
 * </ol>
 * Events published while rebuilding (group-health-changed) go to the rebuilt schema's own outbox
 * and are dropped with it: they were published when the history happened. The outbox table itself
 * is never swapped, so nothing waiting to be relayed is lost. One rebuild at a time, on one replica.
 */
@ApplicationScoped
public class Rebuild {

    static final String SCHEMA = "analytics_rebuild";
    static final String RETIRED = "analytics_retired";
    private static final Logger LOG = Logger.getLogger(Rebuild.class);

    public enum State { IDLE, RUNNING, DONE, FAILED }

    @Schema(name = "RebuildStatus")
    public record Status(State state, Instant startedAt, Instant finishedAt, long eventsReplayed, List<String> tables, String error) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    InboxConsumer inbox;

    /** {@code kafka.*}: the bootstrap servers and security settings of the channels. */
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;

    @ConfigProperty(name = "mp.messaging.incoming.inbox.group.id")
    String consumerGroup;

    @ConfigProperty(name = "mp.messaging.incoming.inbox.topics")
    List<String> topics;

    @Inject
    HealthSweep sweep;

    @Inject
    Clock clock;

    private final AtomicReference<Status> status = new AtomicReference<>(new Status(State.IDLE, null, null, 0, List.of(), null));

    public Status status() {
        return status.get();
    }

    /** Starts a rebuild in the background; false if one is running. */
    public synchronized boolean start() {
        if (status.get().state() == State.RUNNING) {
            return false;
        }
        status.set(new Status(State.RUNNING, clock.instant(), null, 0, List.of(), null));
        Thread thread = new Thread(this::run, "analytics-rebuild");
        thread.setDaemon(true);
        thread.start();
        return true;
    }

    private void run() {
        Instant started = status.get().startedAt();
        try {
            List<String> tables = QuarkusTransaction.requiringNew().call(this::prepareSchema);
            long[] replayed = {0};
            try (KafkaConsumer<String, byte[]> consumer = new KafkaConsumer<>(replayConsumerConfig());
                 Admin admin = Admin.create(clientConfig(consumerGroup + "-rebuild-admin"))) {
                List<TopicPartition> partitions = partitions(consumer);
                consumer.assign(partitions);
                consumer.seekToBeginning(partitions);
                replayed[0] += replayUpTo(consumer, committed(admin, partitions, Map.of()));
                LOG.infof("Rebuild replayed %d events; pausing live consumption to catch up and swap", replayed[0]);
                inbox.whilePaused(() -> {
                    Instant now = clock.instant();
                    sweep.sweep(now, () -> { });
                    replayed[0] += replayUpTo(consumer, committed(admin, partitions, inbox.appliedOffsets()));
                    sweep.sweep(now, this::useRebuildSchema);
                    QuarkusTransaction.requiringNew().run(() -> swap(tables));
                    return null;
                }, Duration.ofMinutes(30));
            }
            QuarkusTransaction.requiringNew().run(() -> {
                sql("drop schema if exists " + RETIRED + " cascade");
                sql("drop schema if exists " + SCHEMA + " cascade");
            });
            status.set(new Status(State.DONE, started, clock.instant(), replayed[0], tables, null));
            LOG.infof("Rebuild done: %d events replayed into %d tables", replayed[0], tables.size());
        } catch (Exception e) {
            LOG.error("Rebuild failed; the live read models are untouched", e);
            status.set(new Status(State.FAILED, started, clock.instant(), 0, List.of(), e.getMessage()));
        }
    }

    /** Every table but Flyway's history gets an empty twin; the listeners' writes go there while rebuilding. */
    @SuppressWarnings("unchecked")
    private List<String> prepareSchema() {
        sql("drop schema if exists " + SCHEMA + " cascade");
        sql("create schema " + SCHEMA);
        List<String> tables = entityManager.createNativeQuery("""
                        select tablename from pg_tables where schemaname = current_schema() and tablename not like 'flyway%' order by tablename""")
                .getResultList();
        for (String table : tables) {
            sql("create table " + SCHEMA + "." + table + " (like " + table + " including all)");
        }
        return tables.stream().filter(table -> !table.equals("outbox_event")).toList();
    }

    private void useRebuildSchema() {
        sql("set local search_path to " + SCHEMA);
    }

    private void sql(String statement) {
        entityManager.createNativeQuery(statement).executeUpdate();
    }

    /** Moves the live tables out and the rebuilt ones in; readers see either all old or all new. */
    private void swap(List<String> tables) {
        sql("drop schema if exists " + RETIRED + " cascade");
        sql("create schema " + RETIRED);
        String live = (String) entityManager.createNativeQuery("select current_schema()").getSingleResult();
        for (String table : tables) {
            sql("alter table " + live + "." + table + " set schema " + RETIRED);
            sql("alter table " + SCHEMA + "." + table + " set schema " + live);
        }
    }

    private long replayUpTo(KafkaConsumer<String, byte[]> consumer, Map<TopicPartition, Long> target) {
        long replayed = 0;
        for (TopicPartition partition : consumer.assignment()) {
            if (consumer.position(partition) >= target.getOrDefault(partition, 0L)) {
                consumer.pause(List.of(partition));
            }
        }
        while (consumer.paused().size() < consumer.assignment().size()) {
            ConsumerRecords<String, byte[]> records = consumer.poll(Duration.ofMillis(500));
            List<ConsumerRecord<String, byte[]>> batch = new ArrayList<>(records.count());
            for (TopicPartition partition : records.partitions()) {
                long end = target.getOrDefault(partition, 0L);
                for (ConsumerRecord<String, byte[]> record : records.records(partition)) {
                    if (record.offset() < end) {
                        batch.add(record);
                    }
                }
                long next = records.records(partition).get(records.records(partition).size() - 1).offset() + 1;
                if (next >= end) {
                    consumer.seek(partition, end);
                    consumer.pause(List.of(partition));
                }
            }
            if (!batch.isEmpty()) {
                replayed += inbox.replay(batch, this::useRebuildSchema);
                Status current = status.get();
                status.set(new Status(current.state(), current.startedAt(), null, current.eventsReplayed() + batch.size(), List.of(), null));
            }
        }
        consumer.resume(consumer.assignment());
        return replayed;
    }

    private List<TopicPartition> partitions(KafkaConsumer<String, byte[]> consumer) {
        List<TopicPartition> partitions = new ArrayList<>();
        for (String topic : topics) {
            for (PartitionInfo info : consumer.partitionsFor(topic, Duration.ofSeconds(10))) {
                partitions.add(new TopicPartition(topic, info.partition()));
            }
        }
        return partitions;
    }

    /**
     * What the live tables reflect: the live consumer group's committed offsets, or, where this
     * instance has applied more (the connector commits every few seconds), its applied offsets.
     */
    private Map<TopicPartition, Long> committed(Admin admin, List<TopicPartition> partitions, Map<TopicPartition, Long> applied)
            throws Exception {
        Map<TopicPartition, OffsetAndMetadata> offsets = admin.listConsumerGroupOffsets(consumerGroup)
                .partitionsToOffsetAndMetadata().get(10, TimeUnit.SECONDS);
        Map<TopicPartition, Long> target = new HashMap<>();
        for (TopicPartition partition : partitions) {
            OffsetAndMetadata offset = offsets.get(partition);
            target.put(partition, Math.max(offset == null ? 0L : offset.offset(), applied.getOrDefault(partition, 0L)));
        }
        return target;
    }

    /** A plain consumer of its own: the replay reads history from offset 0, outside the live consumer group. */
    private Map<String, Object> replayConsumerConfig() {
        Map<String, Object> config = clientConfig(consumerGroup + "-rebuild");
        config.put(ConsumerConfig.GROUP_ID_CONFIG, consumerGroup + "-rebuild");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 1000);
        return config;
    }

    private Map<String, Object> clientConfig(String clientId) {
        Map<String, Object> config = new HashMap<>(kafka);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, clientId);
        return config;
    }
}
