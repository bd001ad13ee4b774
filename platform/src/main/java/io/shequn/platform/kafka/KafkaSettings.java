package io.shequn.platform.kafka;

import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.HashMap;
import java.util.Map;

/**
 * Client settings for the platform's Kafka producer and consumer. Everything under {@code kafka.*}
 * (bootstrap servers, security) applies to both, so pointing at another cluster is configuration only.
 */
@ApplicationScoped
public class KafkaSettings {

    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> common;

    @ConfigProperty(name = "quarkus.application.name")
    String applicationName;

    public String serviceName() {
        return applicationName;
    }

    public Map<String, Object> admin(String clientId) {
        Map<String, Object> config = new HashMap<>(common);
        config.put("client.id", applicationName + "-" + clientId);
        return config;
    }

    /** Idempotent, acknowledged by all in-sync replicas; fails fast enough for the relay to retry. */
    public Map<String, Object> producer(String clientId) {
        Map<String, Object> config = new HashMap<>(common);
        config.put(ProducerConfig.CLIENT_ID_CONFIG, applicationName + "-" + clientId);
        config.put(ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName());
        config.put(ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName());
        config.put(ProducerConfig.ACKS_CONFIG, "all");
        config.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        config.putIfAbsent(ProducerConfig.LINGER_MS_CONFIG, 5);
        config.putIfAbsent(ProducerConfig.MAX_BLOCK_MS_CONFIG, 5_000);
        config.putIfAbsent(ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, 5_000);
        config.putIfAbsent(ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, 15_000);
        return config;
    }

    /** Manual commits after the database transaction; the consumer group is the service. */
    public Map<String, Object> consumer() {
        Map<String, Object> config = new HashMap<>(common);
        config.put(ConsumerConfig.GROUP_ID_CONFIG, applicationName);
        config.put(ConsumerConfig.CLIENT_ID_CONFIG, applicationName + "-inbox");
        config.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
        config.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, ByteArrayDeserializer.class.getName());
        config.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        config.putIfAbsent(ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest");
        config.putIfAbsent(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, 500);
        config.putIfAbsent(ConsumerConfig.METADATA_MAX_AGE_CONFIG, 10_000);
        return config;
    }
}
