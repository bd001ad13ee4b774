package io.shequn.group.membership;

import io.shequn.contracts.events.GroupRole;
import io.shequn.contracts.events.JoinVia;
import io.shequn.contracts.events.LeaveReason;
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
import java.util.Map;
import java.util.UUID;

/**
 * One membership period of a member in a group, from the request to the end. Rejoining is a new
 * period. Never leaves the service layer: responses are {@link MembershipResponse}.
 */
@Entity
@Table(name = "membership")
public class Membership {

    @Id
    public UUID id;

    @Column(name = "group_id", nullable = false)
    public UUID groupId;

    @Column(name = "member_id", nullable = false)
    public UUID memberId;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public MembershipStatus status;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public GroupRole role;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false)
    public JoinVia via;

    @Column(name = "inviter_id")
    public UUID inviterId;

    @Column(name = "invite_code")
    public String inviteCode;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, String> intro;

    @Column(name = "requested_at", nullable = false)
    public Instant requestedAt;

    @Column(name = "joined_at")
    public Instant joinedAt;

    @Column(name = "ended_at")
    public Instant endedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "end_reason")
    public LeaveReason endReason;

    @Column(name = "end_detail")
    public String endDetail;

    @Column(name = "decided_by")
    public UUID decidedBy;

    @Column(name = "decision_reason")
    public String decisionReason;

    @Version
    public long version;

    protected Membership() {
    }

    public Membership(UUID groupId, UUID memberId, MembershipStatus status, GroupRole role, JoinVia via,
                      UUID inviterId, String inviteCode, Map<String, String> intro, Instant requestedAt) {
        this.id = UUID.randomUUID();
        this.groupId = groupId;
        this.memberId = memberId;
        this.status = status;
        this.role = role;
        this.via = via;
        this.inviterId = inviterId;
        this.inviteCode = inviteCode;
        this.intro = intro == null ? Map.of() : Map.copyOf(intro);
        this.requestedAt = requestedAt;
        if (status == MembershipStatus.ACTIVE) {
            this.joinedAt = requestedAt;
        }
    }

    public boolean isActive() {
        return status == MembershipStatus.ACTIVE;
    }
}
