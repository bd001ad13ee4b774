package io.shequn.platform.outbox;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.UUID;

/** A row of the transactional outbox: one CloudEvent waiting to be relayed to Kafka. */
@Entity
@Table(name = "outbox_event")
public class OutboxEvent {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    Long seq;

    @Column(name = "event_id", nullable = false, updatable = false)
    UUID eventId;

    @Column(nullable = false, updatable = false)
    String topic;

    @Column(name = "record_key", nullable = false, updatable = false)
    String recordKey;

    @Column(nullable = false, updatable = false)
    String type;

    @Column(nullable = false, updatable = false)
    String source;

    @Column(updatable = false)
    String subject;

    @Column(name = "event_time", nullable = false, updatable = false)
    Instant eventTime;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, updatable = false)
    String data;

    @Column(updatable = false)
    String traceparent;

    @Column(name = "created_at", nullable = false, updatable = false)
    Instant createdAt;

    @Column(name = "published_at")
    Instant publishedAt;

    protected OutboxEvent() {
    }

    OutboxEvent(UUID eventId, String topic, String recordKey, String type, String source, String subject,
                Instant eventTime, String data, String traceparent, Instant createdAt) {
        this.eventId = eventId;
        this.topic = topic;
        this.recordKey = recordKey;
        this.type = type;
        this.source = source;
        this.subject = subject;
        this.eventTime = eventTime;
        this.data = data;
        this.traceparent = traceparent;
        this.createdAt = createdAt;
    }
}
