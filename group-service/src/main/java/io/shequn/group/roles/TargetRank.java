package io.shequn.group.roles;

import io.shequn.group.membership.MembershipRepository;
import io.shequn.platform.auth.Caller;
import io.shequn.platform.auth.CallerCheck;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import jakarta.ws.rs.core.UriInfo;

import java.util.UUID;

/**
 * The rank rules of {@link GroupPermissions} that the path alone decides: the caller's role
 * against the role of the member in {@code {memberId}}, before the body or query is read. A
 * caller acting on themselves, or on nobody who is a member, passes: the operation answers for
 * them. What the body adds (the role given) is checked again by the service.
 */
public abstract class TargetRank implements CallerCheck {

    @Inject
    MembershipRepository memberships;

    @Inject
    GroupAccess access;

    abstract Action action();

    @Override
    @Transactional
    public void check(UriInfo uri, Caller caller) {
        UUID group = CallerCheck.pathId(uri, "groupId").orElse(null);
        UUID target = CallerCheck.pathId(uri, "memberId").orElse(null);
        if (group == null || target == null || target.equals(caller.memberId())) {
            return;
        }
        memberships.activeRole(group, target).ifPresent(role -> access.require(action(), group, role, null));
    }

    /** Removing a member: owner and admins, below their own rank. */
    @jakarta.enterprise.context.ApplicationScoped
    public static class Removal extends TargetRank {
        @Override
        Action action() {
            return Action.REMOVE_MEMBER;
        }
    }

    /** Changing a member's role: never the owner's; an admin's only by the owner. */
    @jakarta.enterprise.context.ApplicationScoped
    public static class RoleChange extends TargetRank {
        @Override
        Action action() {
            return Action.ASSIGN_ROLE;
        }
    }
}
