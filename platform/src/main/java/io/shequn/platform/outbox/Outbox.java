package io.shequn.platform.outbox;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.shequn.contracts.EventContract;
import io.shequn.contracts.EventData;
import io.shequn.contracts.EventJson;
import io.opentelemetry.api.trace.Span;
import io.opentelemetry.api.trace.SpanContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;

/**
 * Publishes events the only way a service may: as a row written in the caller's transaction.
 * The event exists if and only if the state change commits; the {@link OutboxRelay} sends it
 * to Kafka after commit.
 */
@ApplicationScoped
public class Outbox {

    @Inject
    EntityManager entityManager;

    @Inject
    TransactionSynchronizationRegistry transactions;

    @Inject
    OutboxRelay relay;

    @Inject
    Clock clock;

    @ConfigProperty(name = "quarkus.application.name")
    String serviceName;

    /** Publishes with the current time as the event time; returns the event id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T extends EventData> UUID publish(EventContract<T> contract, T data) {
        return publish(contract, data, clock.instant());
    }

    /** Publishes an event that happened at {@code time}; returns the event id. */
    @Transactional(Transactional.TxType.MANDATORY)
    public <T extends EventData> UUID publish(EventContract<T> contract, T data, Instant time) {
        String json;
        try {
            json = EventJson.mapper().writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("Event data of " + contract.type() + " is not serializable", e);
        }
        String aggregateId = data.aggregateId().toString();
        UUID eventId = UUID.randomUUID();
        entityManager.persist(new OutboxEvent(eventId, contract.topic(), aggregateId, contract.type(),
                "/shequn/" + serviceName, aggregateId, time, json, traceparent(), clock.instant()));
        transactions.registerInterposedSynchronization(new WakeRelayAfterCommit(relay));
        return eventId;
    }

    /** The caller's trace as a W3C {@code traceparent}, so the relayed event continues it; null outside a trace. */
    private static String traceparent() {
        SpanContext span = Span.current().getSpanContext();
        return span.isValid() ? "00-" + span.getTraceId() + "-" + span.getSpanId() + "-" + span.getTraceFlags().asHex() : null;
    }

    /** Relays right after commit instead of at the next poll, which keeps events fresh. */
    private record WakeRelayAfterCommit(OutboxRelay relay) implements Synchronization {

        @Override
        public void beforeCompletion() {
        }

        @Override
        public void afterCompletion(int status) {
            if (status == Status.STATUS_COMMITTED) {
                relay.wake();
            }
        }
    }
}
