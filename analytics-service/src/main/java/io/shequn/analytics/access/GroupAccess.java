package io.shequn.analytics.access;

import io.shequn.platform.auth.Caller;
import io.shequn.platform.problem.ProblemException;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.UUID;

/**
 * Who may read a group's analytics: operators, and the group's current owner and admins as
 * analytics knows them from member-joined, member-role-changed and member-left.
 */
@RequestScoped
public class GroupAccess {

    @Inject
    Caller caller;

    @Inject
    EntityManager entityManager;

    @Transactional
    public void requireGroupManager(UUID group) {
        if (caller.isOperator()) {
            return;
        }
        if (!managedGroups().contains(group)) {
            throw new ProblemException(403, "forbidden", "Forbidden",
                    "Only operators and the owner or admins of group " + group + " may read its analytics");
        }
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

    /** Operators, and members about themselves. */
    public void requireSelfOrOperator(UUID member) {
        if (!caller.isOperator() && !caller.memberId().equals(member)) {
            throw new ProblemException(403, "forbidden", "Forbidden", "Members may read only their own analytics");
        }
    }
}
