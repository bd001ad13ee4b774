package io.shequn.member.profile;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/** A member profile. Never leaves the service layer: responses are {@link MemberResponse}. */
@Entity
@Table(name = "member")
public class Member {

    @Id
    UUID id;

    @Column(name = "display_name", nullable = false, length = 64)
    String displayName;

    @Column(length = 64)
    String region;

    @Column(length = 64)
    String occupation;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    List<String> tags;

    @Column(name = "registered_at", nullable = false, updatable = false)
    Instant registeredAt;

    @Version
    long version;

    protected Member() {
    }

    Member(UUID id, String displayName, String region, String occupation, List<String> tags, Instant registeredAt) {
        this.id = id;
        this.displayName = displayName;
        this.region = region;
        this.occupation = occupation;
        this.tags = tags;
        this.registeredAt = registeredAt;
    }
}
