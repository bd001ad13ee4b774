package io.shequn.group.membership;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.quarkus.panache.common.Parameters;
import io.shequn.contracts.events.GroupRole;
import io.shequn.platform.auth.GroupRoles;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Queries over membership periods. Bans and the erasure of intros stay native SQL in their features. */
@ApplicationScoped
public class MembershipRepository implements PanacheRepositoryBase<Membership, UUID>, GroupRoles {

    /** The member's open period (pending or active) in the group, if any. */
    public Optional<Membership> findOpen(UUID groupId, UUID memberId) {
        return find("groupId = ?1 and memberId = ?2 and status in ?3", groupId, memberId, MembershipStatus.OPEN)
                .firstResultOptional();
    }

    public Optional<Membership> findActive(UUID groupId, UUID memberId) {
        return findOpen(groupId, memberId).filter(Membership::isActive);
    }

    @Override
    public Optional<GroupRole> activeRole(UUID groupId, UUID memberId) {
        return findActive(groupId, memberId).map(m -> m.role);
    }

    public long countActive(UUID groupId) {
        return count("groupId = ?1 and status = ?2", groupId, MembershipStatus.ACTIVE);
    }

    public List<Membership> page(UUID groupId, MembershipStatus status, GroupRole role, int offset, int size) {
        return find("""
                        from Membership m where m.groupId = :group and m.status = :status
                        and (:role is null or m.role = :role)
                        order by coalesce(m.joinedAt, m.requestedAt), m.id""", inGroup(groupId, status, role))
                .range(offset, offset + size - 1).list();
    }

    public long count(UUID groupId, MembershipStatus status, GroupRole role) {
        return count("""
                from Membership m where m.groupId = :group and m.status = :status
                and (:role is null or m.role = :role)""", inGroup(groupId, status, role));
    }

    /** The member's open period, else their latest one. */
    public Optional<Membership> latest(UUID groupId, UUID memberId) {
        return find("""
                        from Membership m where m.groupId = ?1 and m.memberId = ?2
                        order by case when m.status in ?3 then 0 else 1 end, m.requestedAt desc""",
                groupId, memberId, MembershipStatus.OPEN)
                .firstResultOptional();
    }

    /** Whether the member was ever active in the group (any period). */
    public boolean joinedBefore(UUID groupId, UUID memberId) {
        return count("groupId = ?1 and memberId = ?2 and joinedAt is not null", groupId, memberId) > 0;
    }

    /** The member's pending applications and unpaid entries in every group. */
    public List<Membership> pendingOf(UUID memberId) {
        return list("memberId = ?1 and status in ?2", memberId,
                EnumSet.of(MembershipStatus.PENDING_APPROVAL, MembershipStatus.PENDING_PAYMENT));
    }

    public List<Membership> ofMember(UUID memberId, MembershipStatus status, int offset, int size) {
        return find("from Membership m where m.memberId = ?1 and m.status = ?2 order by m.requestedAt desc, m.id",
                memberId, status)
                .range(offset, offset + size - 1).list();
    }

    public long countOfMember(UUID memberId, MembershipStatus status) {
        return count("memberId = ?1 and status = ?2", memberId, status);
    }

    private static Parameters inGroup(UUID groupId, MembershipStatus status, GroupRole role) {
        return Parameters.with("group", groupId).and("status", status).and("role", role);
    }
}
