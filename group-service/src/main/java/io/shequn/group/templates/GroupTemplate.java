package io.shequn.group.templates;

import io.shequn.contracts.events.GroupType;
import io.shequn.group.groups.AdmissionMode;
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
import java.util.Map;
import java.util.UUID;

/** A saved group setup. Never leaves the service layer: responses are {@link TemplateResponse}. */
@Entity
@Table(name = "group_template")
public class GroupTemplate {

    @Id
    public UUID id;

    @Column(nullable = false)
    public String name;

    public String description;

    @Column(name = "created_by", nullable = false)
    public UUID createdBy;

    @Column(name = "source_group_id")
    public UUID sourceGroupId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public GroupType type;

    public String purpose;

    public String rules;

    @Column(nullable = false)
    public int capacity;

    @Column(name = "time_zone", nullable = false)
    public String timeZone;

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

    @Column(name = "use_count", nullable = false)
    public int useCount;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;
}
