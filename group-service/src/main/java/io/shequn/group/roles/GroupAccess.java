package io.shequn.group.roles;

import io.shequn.contracts.events.GroupRole;
import io.shequn.group.membership.MembershipRepository;
import io.shequn.platform.auth.Caller;
import io.shequn.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.UUID;

/** Checks the caller against the {@link GroupPermissions} matrix, with their current role in the group. */
@ApplicationScoped
public class GroupAccess {

    @Inject
    Caller caller;

    @Inject
    MembershipRepository memberships;

    public UUID callerId() {
        return caller.memberId();
    }

    public Actor actor(UUID groupId) {
        GroupRole role = memberships.activeRole(groupId, caller.memberId()).orElse(null);
        return new Actor(role, caller.isOperator());
    }

    /** The caller's actor in the group, or 403 when the matrix denies {@code action}. */
    public Actor require(Action action, UUID groupId) {
        return require(action, groupId, null, null);
    }

    public Actor require(Action action, UUID groupId, GroupRole target, GroupRole newRole) {
        Actor actor = actor(groupId);
        GroupPermissions.denial(action, actor, target, newRole).ifPresent(reason -> {
            throw ProblemException.forbidden(reason);
        });
        return actor;
    }
}
