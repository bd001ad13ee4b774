package io.shequn.group.membership;

import io.shequn.contracts.events.GroupRole;
import io.shequn.platform.auth.GroupRoles;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Queries over membership periods. */
@ApplicationScoped
public class MembershipRepository implements GroupRoles {

    @Inject
    EntityManager entityManager;

    public void persist(Membership membership) {
        entityManager.persist(membership);
    }

    /** The member's open period (pending or active) in the group, if any. */
    public Optional<Membership> findOpen(UUID groupId, UUID memberId) {
        return entityManager.createQuery("""
                        from Membership m where m.groupId = :group and m.memberId = :member and m.status in :open""",
                        Membership.class)
                .setParameter("group", groupId)
                .setParameter("member", memberId)
                .setParameter("open", MembershipStatus.OPEN)
                .getResultStream().findFirst();
    }

    public Optional<Membership> findActive(UUID groupId, UUID memberId) {
        return findOpen(groupId, memberId).filter(Membership::isActive);
    }

    @Override
    public Optional<GroupRole> activeRole(UUID groupId, UUID memberId) {
        return findActive(groupId, memberId).map(m -> m.role);
    }

    public long countActive(UUID groupId) {
        return entityManager.createQuery(
                        "select count(m) from Membership m where m.groupId = :group and m.status = :active", Long.class)
                .setParameter("group", groupId)
                .setParameter("active", MembershipStatus.ACTIVE)
                .getSingleResult();
    }

    public List<Membership> page(UUID groupId, MembershipStatus status, GroupRole role, int offset, int size) {
        return entityManager.createQuery("""
                        from Membership m where m.groupId = :group and m.status = :status
                        and (:role is null or m.role = :role)
                        order by coalesce(m.joinedAt, m.requestedAt), m.id""", Membership.class)
                .setParameter("group", groupId)
                .setParameter("status", status)
                .setParameter("role", role)
                .setFirstResult(offset)
                .setMaxResults(size)
                .getResultList();
    }

    public long count(UUID groupId, MembershipStatus status, GroupRole role) {
        return entityManager.createQuery("""
                        select count(m) from Membership m where m.groupId = :group and m.status = :status
                        and (:role is null or m.role = :role)""", Long.class)
                .setParameter("group", groupId)
                .setParameter("status", status)
                .setParameter("role", role)
                .getSingleResult();
    }

    /** The member's open period, else their latest one. */
    public Optional<Membership> latest(UUID groupId, UUID memberId) {
        return entityManager.createQuery("""
                        from Membership m where m.groupId = :group and m.memberId = :member
                        order by case when m.status in :open then 0 else 1 end, m.requestedAt desc""", Membership.class)
                .setParameter("group", groupId)
                .setParameter("member", memberId)
                .setParameter("open", MembershipStatus.OPEN)
                .setMaxResults(1)
                .getResultStream().findFirst();
    }

    public List<Membership> ofMember(UUID memberId, MembershipStatus status, int offset, int size) {
        return entityManager.createQuery("""
                        from Membership m where m.memberId = :member and m.status = :status
                        order by m.requestedAt desc, m.id""", Membership.class)
                .setParameter("member", memberId)
                .setParameter("status", status)
                .setFirstResult(offset)
                .setMaxResults(size)
                .getResultList();
    }

    public long countOfMember(UUID memberId, MembershipStatus status) {
        return entityManager.createQuery(
                        "select count(m) from Membership m where m.memberId = :member and m.status = :status", Long.class)
                .setParameter("member", memberId)
                .setParameter("status", status)
                .getSingleResult();
    }
}
