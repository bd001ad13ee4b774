package io.shequn.engagement.messages;

import io.shequn.contracts.events.MessageKind;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A message of a group, from the API or a chat bridge. Never leaves the service layer. */
@Entity
@Table(name = "message")
public class Message {

    enum Status { VISIBLE, FLAGGED, BLOCKED }

    @Id
    UUID id;

    @Column(name = "group_id", nullable = false)
    UUID groupId;

    @Column(name = "member_id", nullable = false)
    UUID memberId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    MessageKind kind;

    String text;

    @Column(nullable = false)
    int length;

    @Column(name = "reply_to")
    UUID replyTo;

    @JdbcTypeCode(SqlTypes.ARRAY)
    List<UUID> mentions;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    Status status;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "matched_words", nullable = false)
    List<String> matchedWords;

    @Column(nullable = false)
    String source;

    @Column(name = "posted_at", nullable = false)
    Instant postedAt;

    @Column(name = "received_at", nullable = false)
    Instant receivedAt;

    protected Message() {
    }

    Message(UUID id, UUID groupId, UUID memberId, MessageKind kind, String text, int length, UUID replyTo,
            List<UUID> mentions, Status status, List<String> matchedWords, String source, Instant postedAt, Instant receivedAt) {
        this.id = id;
        this.groupId = groupId;
        this.memberId = memberId;
        this.kind = kind;
        this.text = status == Status.BLOCKED ? null : text;
        this.length = length;
        this.replyTo = replyTo;
        this.mentions = mentions;
        this.status = status;
        this.matchedWords = matchedWords;
        this.source = source;
        this.postedAt = postedAt;
        this.receivedAt = receivedAt;
    }
}
