package io.shequn.engagement.membership;

import io.shequn.contracts.events.GroupRole;
import io.shequn.contracts.events.MemberJoined;
import io.shequn.contracts.events.MemberLeft;
import io.shequn.contracts.events.MemberRoleChanged;
import io.shequn.contracts.events.MemberVerified;
import io.shequn.engagement.Rows;
import io.shequn.platform.auth.Caller;
import io.shequn.platform.auth.GroupRoles;
import io.shequn.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;

/**
 * The projection of group membership from group-service's events, and the checks every feature
 * makes with it: only current members take part in a group, only its owner and admins (or an
 * operator) manage it.
 *
 * <p>Joined, left and role-changed arrive on different topics and may be read out of order, so
 * each is applied only if it is newer than what the row already reflects.
 */
@ApplicationScoped
public class MembershipService implements GroupRoles {

    /** Well above the p99 of join → known here measured by JoinPropagationBenchmark (README). */
    static final int FRESH_JOIN_RETRY_SECONDS = 1;

    @Inject
    EntityManager entityManager;

    @Transactional(Transactional.TxType.MANDATORY)
    void joined(MemberJoined event) {
        entityManager.createNativeQuery("""
                        insert into group_membership (group_id, member_id, role, active, joined_at, changed_at, role_changed_at)
                        values (:group, :member, :role, true, :at, :at, :at)
                        on conflict (group_id, member_id) do update set
                            active = true,
                            left_reason = null,
                            left_at = null,
                            joined_at = excluded.joined_at,
                            changed_at = excluded.changed_at,
                            role = case when group_membership.role_changed_at > excluded.role_changed_at
                                        then group_membership.role else excluded.role end,
                            role_changed_at = greatest(group_membership.role_changed_at, excluded.role_changed_at)
                        where group_membership.changed_at <= excluded.changed_at""")
                .setParameter("group", event.groupId())
                .setParameter("member", event.memberId())
                .setParameter("role", event.role().name())
                .setParameter("at", event.joinedAt())
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void left(MemberLeft event) {
        entityManager.createNativeQuery("""
                        insert into group_membership (group_id, member_id, role, active, left_reason, left_at, changed_at, role_changed_at)
                        values (:group, :member, 'MEMBER', false, :reason, :at, :at, '-infinity')
                        on conflict (group_id, member_id) do update set
                            active = false,
                            left_reason = excluded.left_reason,
                            left_at = excluded.left_at,
                            changed_at = excluded.changed_at
                        where group_membership.changed_at <= excluded.changed_at""")
                .setParameter("group", event.groupId())
                .setParameter("member", event.memberId())
                .setParameter("reason", event.reason().name())
                .setParameter("at", event.leftAt())
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void roleChanged(MemberRoleChanged event) {
        // A role change read before the join leaves an inactive row; the join then keeps the newer role.
        entityManager.createNativeQuery("""
                        insert into group_membership (group_id, member_id, role, active, changed_at, role_changed_at)
                        values (:group, :member, :role, false, '-infinity', :at)
                        on conflict (group_id, member_id) do update set
                            role = excluded.role,
                            role_changed_at = excluded.role_changed_at
                        where group_membership.role_changed_at <= excluded.role_changed_at""")
                .setParameter("group", event.groupId())
                .setParameter("member", event.memberId())
                .setParameter("role", event.role().name())
                .setParameter("at", event.changedAt())
                .executeUpdate();
    }

    @Transactional(Transactional.TxType.MANDATORY)
    void verified(MemberVerified event) {
        entityManager.createNativeQuery("""
                        insert into verified_member (member_id, verified_at) values (:member, :at)
                        on conflict (member_id) do update set verified_at = least(verified_member.verified_at, excluded.verified_at)""")
                .setParameter("member", event.memberId())
                .setParameter("at", event.verifiedAt())
                .executeUpdate();
    }

    /** Whether member-service has said the member is real-name verified. */
    @Transactional
    public boolean isVerified(UUID memberId) {
        return !entityManager.createNativeQuery("select 1 from verified_member where member_id = :member")
                .setParameter("member", memberId).getResultList().isEmpty();
    }

    /** When the member's current membership of the group began, if they are in it. */
    @Transactional
    public Optional<Instant> memberSince(UUID groupId, UUID memberId) {
        return ((List<?>) entityManager.createNativeQuery(
                        "select joined_at from group_membership where group_id = :group and member_id = :member and active")
                .setParameter("group", groupId).setParameter("member", memberId).getResultList())
                .stream().findFirst().map(Rows::instant);
    }

    /**
     * The member's role if they are currently in the group. No transaction of its own: the access
     * check of every group request asks it, outside the request's transaction, as one read.
     */
    @Override
    public Optional<GroupRole> activeRole(UUID groupId, UUID memberId) {
        List<?> roles = entityManager.createNativeQuery(
                        "select role from group_membership where group_id = :group and member_id = :member and active")
                .setParameter("group", groupId)
                .setParameter("member", memberId)
                .getResultList();
        return roles.stream().findFirst().map(role -> GroupRole.valueOf((String) role));
    }

    /** Those of the given members who are currently in the group. */
    @Transactional
    public Set<UUID> activeMembers(UUID groupId, Collection<UUID> memberIds) {
        return ((List<?>) entityManager.createNativeQuery(
                        "select member_id from group_membership where group_id = :group and member_id in (:members) and active")
                .setParameter("group", groupId).setParameter("members", Set.copyOf(memberIds))
                .getResultList()).stream().map(UUID.class::cast).collect(Collectors.toSet());
    }

    /** Whether the member has ever been in the group (in any group this service knows of, for a null group), current or not. */
    @Transactional
    public boolean hasBeenMember(UUID memberId, UUID groupId) {
        var query = entityManager.createNativeQuery("select 1 from group_membership where member_id = :member"
                + (groupId == null ? "" : " and group_id = :group") + " limit 1").setParameter("member", memberId);
        if (groupId != null) {
            query.setParameter("group", groupId);
        }
        return !query.getResultList().isEmpty();
    }

    @Transactional
    public boolean isActiveMember(UUID groupId, UUID memberId) {
        return activeRole(groupId, memberId).isPresent();
    }

    /**
     * Throws 403 unless the member is currently in the group. Memberships reach this service as
     * group-service's events, a little after group-service answered the join (README, "Read your
     * join"), so the problem tells a client that a fresh join may not be known yet and when to retry.
     */
    @Transactional
    public GroupRole requireMember(UUID groupId, UUID memberId) {
        return activeRole(groupId, memberId).orElseThrow(() -> notAMember(groupId, memberId));
    }

    @Override
    public ProblemException refuseNonMember(UUID groupId, UUID memberId) {
        return notAMember(groupId, memberId);
    }

    /** The refusal of {@link #requireMember}, for a hot path that reads the membership along with what it needs. */
    public static ProblemException notAMember(UUID groupId, UUID memberId) {
        return new ProblemException(403, "not-a-member", "Forbidden", "Member " + memberId + " is not a member of group " + groupId
                + ". A membership that group-service granted in the last few seconds may not be known here yet: retry after "
                + FRESH_JOIN_RETRY_SECONDS + " second.").retryAfter(FRESH_JOIN_RETRY_SECONDS);
    }

    /** Throws 403 unless the caller is an operator or currently in the group: who may read a group's things. */
    @Transactional
    public void requireMemberOrOperator(UUID groupId, Caller caller) {
        if (!caller.isOperator()) {
            requireMember(groupId, caller.memberId());
        }
    }

    /** Throws 403 unless the caller is an operator or the group's owner or an admin. */
    @Transactional
    public void requireManager(UUID groupId, Caller caller) {
        if (!isManager(groupId, caller)) {
            throw new ProblemException(403, "not-a-group-manager", "Forbidden",
                    "Only the owner, an admin or an operator manages group " + groupId);
        }
    }

    /** Whether the caller is an operator or the group's owner or an admin. */
    @Transactional
    public boolean isManager(UUID groupId, Caller caller) {
        if (caller.isOperator()) {
            return true;
        }
        GroupRole role = activeRole(groupId, caller.memberId()).orElse(null);
        return role == GroupRole.OWNER || role == GroupRole.ADMIN;
    }
}
