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

/**
 * A member profile, or the anonymous tombstone left after erasure (the id, invite code, referral
 * link and registration time stay so references remain valid). Never leaves the service layer:
 * responses are {@link MemberResponse}.
 */
@Entity
@Table(name = "member")
public class Member {

    @Id
    public UUID id;

    @Column(name = "display_name", length = 64)
    public String displayName;

    @Column(length = 64)
    public String region;

    @Column(length = 64)
    public String occupation;

    @JdbcTypeCode(SqlTypes.ARRAY)
    @Column(nullable = false)
    public List<String> tags;

    @Column(length = 500)
    public String bio;

    @Column(length = 16)
    public String phone;

    @Column(length = 254)
    public String email;

    @Column(name = "verification_method", length = 32)
    public String verificationMethod;

    @Column(name = "verification_reference", length = 128)
    public String verificationReference;

    @Column(name = "verified_at")
    public Instant verifiedAt;

    @Column(name = "invite_code", nullable = false, updatable = false, length = 8)
    public String inviteCode;

    @Column(name = "invited_by")
    public UUID invitedBy;

    @Column(name = "external_id", length = 128)
    public String externalId;

    @Column(name = "registered_at", nullable = false, updatable = false)
    public Instant registeredAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    @Column(name = "erased_at")
    public Instant erasedAt;

    @Version
    long version;

    protected Member() {
    }

    public Member(UUID id, String inviteCode, Instant registeredAt) {
        this.id = id;
        this.inviteCode = inviteCode;
        this.registeredAt = registeredAt;
        this.tags = List.of();
    }

    public boolean isErased() {
        return erasedAt != null;
    }

    /** Replaces the self-introduction; values are already normalised. Returns whether anything changed. */
    boolean apply(Profile profile) {
        boolean changed = !profile.displayName().equals(displayName) || !java.util.Objects.equals(profile.region(), region)
                || !java.util.Objects.equals(profile.occupation(), occupation) || !profile.tags().equals(tags)
                || !java.util.Objects.equals(profile.bio(), bio) || !java.util.Objects.equals(profile.phone(), phone)
                || !java.util.Objects.equals(profile.email(), email);
        displayName = profile.displayName();
        region = profile.region();
        occupation = profile.occupation();
        tags = profile.tags();
        bio = profile.bio();
        phone = profile.phone();
        email = profile.email();
        return changed;
    }

    /** Drops every piece of personal data; what remains identifies nobody. */
    void erase(Instant at) {
        displayName = null;
        region = null;
        occupation = null;
        tags = List.of();
        bio = null;
        phone = null;
        email = null;
        verificationReference = null;
        externalId = null;
        erasedAt = at;
        updatedAt = at;
    }
}
