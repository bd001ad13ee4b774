package io.shequn.platform.outbox;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * How far the outbox is behind, for alerts: {@code shequn_outbox_unpublished_events} (rows not
 * yet acknowledged by Kafka) and {@code shequn_outbox_oldest_unpublished_age_seconds}. Counted by
 * a scheduled query rather than at scrape time, so a scrape never waits for the database; the age
 * keeps growing between counts, and while the database is unreachable the last count stays.
 */
@ApplicationScoped
public class OutboxBacklog {

    private static final Logger LOG = Logger.getLogger(OutboxBacklog.class);

    @Inject
    EntityManager entityManager;

    @Inject
    MeterRegistry metrics;

    @Inject
    Clock clock;

    private volatile long unpublished;
    private volatile Instant oldest;

    void register(@Observes StartupEvent event) {
        Gauge.builder("shequn.outbox.unpublished.events", this, backlog -> backlog.unpublished)
                .description("Outbox events committed but not yet acknowledged by Kafka").register(metrics);
        Gauge.builder("shequn.outbox.oldest.unpublished.age", this, OutboxBacklog::oldestAgeSeconds).baseUnit("seconds")
                .description("How long the oldest unpublished outbox event has waited (0 when none waits)").register(metrics);
    }

    @Scheduled(every = "${shequn.outbox.backlog-refresh}", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void refresh() {
        try {
            Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery(
                    "select count(*), min(created_at) from outbox_event where published_at is null").getSingleResult());
            unpublished = ((Number) row[0]).longValue();
            oldest = row[1] == null ? null : row[1] instanceof Instant instant ? instant : ((OffsetDateTime) row[1]).toInstant();
        } catch (RuntimeException e) {
            LOG.debugf("Outbox backlog not counted: %s", e.getMessage());
        }
    }

    private double oldestAgeSeconds() {
        Instant since = oldest;
        return since == null ? 0 : Math.max(0, Duration.between(since, clock.instant()).toMillis() / 1000.0);
    }
}
