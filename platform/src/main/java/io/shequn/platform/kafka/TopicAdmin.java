package io.shequn.platform.kafka;

import io.quarkus.scheduler.Scheduled;
import io.shequn.contracts.EventContract;
import io.shequn.contracts.Events;
import io.smallrye.common.annotation.Identifier;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates every catalogue topic and its dead-letter topic if missing, so a consumer never waits
 * for a topic that a producer has not created yet. Runs at start-up and again until Kafka has
 * answered (the channels subscribe meanwhile and pick the topics up when they appear).
 * Off where ops manage topics ({@code shequn.kafka.create-topics=false}).
 */
@ApplicationScoped
public class TopicAdmin {

    private static final Logger LOG = Logger.getLogger(TopicAdmin.class);

    /** {@code kafka.*}: the same bootstrap servers and security settings as the channels. */
    @Inject
    @Identifier("default-kafka-broker")
    Map<String, Object> kafka;

    @ConfigProperty(name = "quarkus.application.name")
    String serviceName;

    @ConfigProperty(name = "shequn.kafka.create-topics")
    boolean createTopics;

    @ConfigProperty(name = "shequn.kafka.partitions")
    int partitions;

    @ConfigProperty(name = "shequn.kafka.replication-factor")
    short replicationFactor;

    private volatile boolean done;

    /** Every few seconds until it has succeeded once: Kafka may be down when the service starts. */
    @Scheduled(every = "5s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void ensureCatalogueTopics() throws InterruptedException {
        if (done || !createTopics) {
            return;
        }
        Map<String, Object> config = new HashMap<>(kafka);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, serviceName + "-topic-admin");
        try (Admin admin = Admin.create(config)) {
            Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (EventContract<?> contract : Events.all()) {
                for (String topic : List.of(contract.topic(), contract.deadLetterTopic())) {
                    if (!existing.contains(topic)) {
                        missing.add(new NewTopic(topic, partitions, replicationFactor));
                    }
                }
            }
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
            done = true;
        } catch (ExecutionException | TimeoutException e) {
            // Kafka is not reachable yet, or another service created some of the topics at the same moment.
            LOG.warnf("Catalogue topics not checked yet, trying again in 5 s: %s", e.getMessage());
        }
    }
}
