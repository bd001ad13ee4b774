package io.shequn.group.groups;

import io.shequn.contracts.events.GroupType;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A group and its admission policy. Never leaves the service layer: responses are {@link GroupResponse}. */
@Entity
@Table(name = "community_group")
public class Group {

    @Id
    public UUID id;

    @Column(nullable = false, length = 64)
    public String name;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public GroupType type;

    public String purpose;

    public String rules;

    @Column(nullable = false)
    public int capacity;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

    @Column(name = "owner_id", nullable = false)
    public UUID ownerId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public GroupStatus status;

    @Enumerated(EnumType.STRING)
    @Column(name = "admission_mode", nullable = false)
    public AdmissionMode admissionMode;

    @Column(name = "require_verified", nullable = false)
    public boolean requireVerified;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(name = "required_intro_fields", nullable = false)
    public List<String> requiredIntroFields;

    @Column(name = "entry_fee_amount")
    public Long entryFeeAmount;

    @Column(name = "entry_fee_currency")
    public String entryFeeCurrency;

    @Column(name = "strike_limit", nullable = false)
    public int strikeLimit;

    @Column(name = "welcome_message")
    public String welcomeMessage;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "role_titles", nullable = false)
    public Map<String, String> roleTitles;

    @Column(name = "template_id")
    public UUID templateId;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public long version;

    public boolean isActive() {
        return status == GroupStatus.ACTIVE;
    }
}
