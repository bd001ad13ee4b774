package io.shequn.platform.outbox;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.Liveness;

/** DOWN once the relay thread has died: nothing would publish the outbox any more, so restart. */
@Liveness
@ApplicationScoped
public class OutboxRelayLiveness implements HealthCheck {

    @Inject
    OutboxRelay relay;

    @Override
    public HealthCheckResponse call() {
        return HealthCheckResponse.named("Outbox relay").status(relay.isAlive()).build();
    }
}
