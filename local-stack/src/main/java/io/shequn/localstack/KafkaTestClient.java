package io.shequn.localstack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * A plain Kafka producer and reader for tests, acting as an outside publisher or a downstream
 * consumer would: it knows nothing of the services' code.
 */
public final class KafkaTestClient implements AutoCloseable {

    private final String bootstrapServers;
    private final KafkaProducer<String, byte[]> producer;

    public KafkaTestClient(String bootstrapServers) {
        this(bootstrapServers, Map.of());
    }

    /** @param producerSettings Kafka producer settings on top of the defaults (acks=all, idempotent) */
    public KafkaTestClient(String bootstrapServers, Map<String, Object> producerSettings) {
        this.bootstrapServers = bootstrapServers;
        Map<String, Object> config = new HashMap<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName(),
                ProducerConfig.ACKS_CONFIG, "all"));
        config.putAll(producerSettings);
        this.producer = new KafkaProducer<>(config);
    }

    /** Sends and waits for the broker's acknowledgement, as long as the producer retries (a broker down for a while). */
    public void send(ProducerRecord<String, byte[]> record) {
        try {
            producer.send(record).get(2, TimeUnit.MINUTES);
        } catch (Exception e) {
            throw new IllegalStateException("Could not send to " + record.topic(), e);
        }
    }

    /** Sends all records without waiting for each, then waits until the broker has acknowledged every one. */
    public void sendAll(List<ProducerRecord<String, byte[]>> records) {
        List<Future<?>> sent = new ArrayList<>(records.size());
        records.forEach(record -> sent.add(producer.send(record)));
        producer.flush();
        for (Future<?> future : sent) {
            try {
                future.get(2, TimeUnit.MINUTES);
            } catch (Exception e) {
                throw new IllegalStateException("Could not send " + records.size() + " records", e);
            }
        }
    }

    /** Sends without waiting; the producer retries until the broker takes it (up to two minutes). */
    public Future<RecordMetadata> sendAsync(ProducerRecord<String, byte[]> record) {
        return producer.send(record);
    }

    /** How many records {@code topic} has ever had: the sum of its partitions' end offsets. */
    public long size(String topic) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            return consumer.endOffsets(partitions, Duration.ofSeconds(10)).values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * Reads {@code topic} from the beginning until a record matches, or fails after {@code timeout}.
     */
    public ConsumerRecord<String, byte[]> await(String topic, Predicate<ConsumerRecord<String, byte[]>> match, Duration timeout) {
        List<ConsumerRecord<String, byte[]>> found = readUntil(topic, match, timeout, true);
        if (found.isEmpty()) {
            throw new AssertionError("No matching record on " + topic + " within " + timeout);
        }
        return found.get(found.size() - 1);
    }

    /** Every record of {@code topic} that matches, reading until {@code settle} has passed. */
    public List<ConsumerRecord<String, byte[]>> readAll(String topic, Predicate<ConsumerRecord<String, byte[]>> match, Duration settle) {
        return readUntil(topic, match, settle, false);
    }

    private List<ConsumerRecord<String, byte[]>> readUntil(String topic, Predicate<ConsumerRecord<String, byte[]>> match,
                                                           Duration timeout, boolean stopAtFirst) {
        try (KafkaConsumer<String, byte[]> consumer = consumer()) {
            Instant deadline = Instant.now().plus(timeout);
            List<TopicPartition> partitions = new ArrayList<>();
            while (partitions.isEmpty() && Instant.now().isBefore(deadline)) {
                List<PartitionInfo> infos = consumer.partitionsFor(topic, Duration.ofSeconds(5));
                if (infos != null) {
                    infos.forEach(info -> partitions.add(new TopicPartition(topic, info.partition())));
                }
            }
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            List<ConsumerRecord<String, byte[]>> matches = new ArrayList<>();
            while (Instant.now().isBefore(deadline)) {
                for (ConsumerRecord<String, byte[]> record : consumer.poll(Duration.ofMillis(200))) {
                    if (match.test(record)) {
                        matches.add(record);
                        if (stopAtFirst) {
                            return matches;
                        }
                    }
                }
            }
            return matches;
        }
    }

    /**
     * Who in the consumer group reads which partitions now: each member's id with its assigned
     * partitions (empty while the group rebalances or has no members).
     */
    public Map<String, Set<TopicPartition>> assignments(String groupId) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            ConsumerGroupDescription group = admin.describeConsumerGroups(List.of(groupId)).describedGroups().get(groupId)
                    .get(30, TimeUnit.SECONDS);
            Map<String, Set<TopicPartition>> assignments = new TreeMap<>();
            group.members().forEach(member -> assignments.put(member.consumerId(), Set.copyOf(member.assignment().topicPartitions())));
            return assignments;
        } catch (Exception e) {
            throw new IllegalStateException("Could not describe consumer group " + groupId, e);
        }
    }

    private KafkaConsumer<String, byte[]> consumer() {
        return new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName(),
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName(),
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false));
    }

    @Override
    public void close() {
        producer.close(Duration.ofSeconds(5));
    }
}
