package io.shequn.platform.kafka;

import io.quarkus.runtime.ShutdownEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.DescribeClusterOptions;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Readiness;

import java.util.concurrent.TimeUnit;

/**
 * Readiness covers Kafka. Quarkus' own Kafka check waits for the admin client's default API
 * timeout (a minute) when the broker is gone, so a probe would hang instead of reporting DOWN;
 * this one answers within a few seconds.
 */
@Readiness
@ApplicationScoped
public class KafkaReadinessCheck implements HealthCheck {

    private static final int TIMEOUT_MS = 3_000;

    @Inject
    KafkaSettings settings;

    private Admin admin;

    @Override
    public HealthCheckResponse call() {
        try {
            int nodes = admin().describeCluster(new DescribeClusterOptions().timeoutMs(TIMEOUT_MS))
                    .nodes().get(TIMEOUT_MS + 500L, TimeUnit.MILLISECONDS).size();
            return HealthCheckResponse.named("Kafka").up().withData("nodes", nodes).build();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return HealthCheckResponse.named("Kafka").down().withData("reason", "interrupted").build();
        } catch (Exception e) {
            return HealthCheckResponse.named("Kafka").down().withData("reason", String.valueOf(e.getMessage())).build();
        }
    }

    private synchronized Admin admin() {
        if (admin == null) {
            admin = Admin.create(settings.admin("readiness"));
        }
        return admin;
    }

    synchronized void close(@Observes ShutdownEvent event) {
        if (admin != null) {
            admin.close();
        }
    }
}
