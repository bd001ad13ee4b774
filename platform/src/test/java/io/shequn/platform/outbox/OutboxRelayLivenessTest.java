package io.shequn.platform.outbox;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.junit.jupiter.api.Test;

import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Liveness follows the relay thread: UP while it runs (even while every attempt fails, as here
 * without a database: failures are retried, not fatal), DOWN once the thread has ended.
 */
class OutboxRelayLivenessTest {

    @Test
    void isDownOnceTheRelayThreadHasDied() throws InterruptedException {
        OutboxRelay relay = new OutboxRelay();
        relay.metrics = new SimpleMeterRegistry();
        relay.pollInterval = Duration.ofMillis(10);
        relay.batchSize = 10;
        OutboxRelayLiveness liveness = new OutboxRelayLiveness();
        liveness.relay = relay;
        assertThat(liveness.call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);

        relay.start(null);
        assertThat(liveness.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);
        // Attempts fail here (no database): they are retried, and the thread lives on.
        await().atMost(Duration.ofSeconds(30)).until(() -> relay.metrics.get("shequn.outbox.relay.failures").counter().count() >= 3);
        assertThat(liveness.call().getStatus()).isEqualTo(HealthCheckResponse.Status.UP);

        relay.thread.interrupt();
        relay.thread.join(Duration.ofSeconds(10).toMillis());
        assertThat(liveness.call().getStatus()).isEqualTo(HealthCheckResponse.Status.DOWN);
        assertThat(liveness.call().getName()).isEqualTo("Outbox relay");
    }
}
