package io.shequn.analytics.access;

import io.shequn.contracts.events.GroupRole;
import io.shequn.platform.auth.Caller;
import io.shequn.platform.auth.GroupRoles;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Who may read a group's analytics: operators, and the group's current owner and admins as
 * analytics knows them from member-joined, member-role-changed and member-left. Resources declare
 * it with {@code @Allowed}; lists across groups narrow themselves to {@link #managedGroups()}.
 */
@RequestScoped
public class GroupAccess implements GroupRoles {

    @Inject
    Caller caller;

    @Inject
    EntityManager entityManager;

    /**
     * The caller's role in the group, as analytics knows it; what {@code @Allowed} audiences are
     * checked against. No transaction of its own: every group request asks it, as one read.
     */
    @Override
    public Optional<GroupRole> activeRole(UUID group, UUID member) {
        List<?> roles = entityManager.createNativeQuery("""
                        select role from group_membership where group_id = :group and member_id = :member
                        and joined_at is not null and left_at is null""")
                .setParameter("group", group).setParameter("member", member).getResultList();
        // A member whose role no event has named yet is a plain member.
        return roles.stream().findFirst().map(role -> role == null ? GroupRole.MEMBER : GroupRole.valueOf((String) role));
    }

    /** The groups the caller currently owns or administers. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<UUID> managedGroups() {
        return (List<UUID>) entityManager.createNativeQuery("""
                        select group_id from group_membership where member_id = :member and role in ('OWNER', 'ADMIN')
                        and joined_at is not null and left_at is null""")
                .setParameter("member", caller.memberId()).getResultList();
    }

    public boolean isOperator() {
        return caller.isOperator();
    }
}
