package io.shequn.platform.kafka;

import io.shequn.contracts.EventContract;
import io.shequn.contracts.Events;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates every catalogue topic and its dead-letter topic if missing, so a consumer never waits
 * for a topic that a producer has not created yet. Off where ops manage topics
 * ({@code shequn.kafka.create-topics=false}).
 */
@ApplicationScoped
public class TopicAdmin {

    @Inject
    KafkaSettings settings;

    @ConfigProperty(name = "shequn.kafka.create-topics")
    boolean createTopics;

    @ConfigProperty(name = "shequn.kafka.partitions")
    int partitions;

    @ConfigProperty(name = "shequn.kafka.replication-factor")
    short replicationFactor;

    /** @throws Exception when the broker cannot be reached; callers retry */
    public void ensureCatalogueTopics() throws InterruptedException, ExecutionException, TimeoutException {
        if (!createTopics) {
            return;
        }
        try (Admin admin = Admin.create(settings.admin("topic-admin"))) {
            Set<String> existing = admin.listTopics().names().get(10, TimeUnit.SECONDS);
            List<NewTopic> missing = new ArrayList<>();
            for (EventContract<?> contract : Events.all()) {
                for (String topic : List.of(contract.topic(), contract.deadLetterTopic())) {
                    if (!existing.contains(topic)) {
                        missing.add(new NewTopic(topic, partitions, replicationFactor));
                    }
                }
            }
            if (missing.isEmpty()) {
                return;
            }
            try {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                // Another replica or service created some of them at the same moment.
                if (!(e.getCause() instanceof TopicExistsException)) {
                    throw e;
                }
            }
        }
    }
}
