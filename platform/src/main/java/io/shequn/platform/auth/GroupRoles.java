package io.shequn.platform.auth;

import io.shequn.contracts.events.GroupRole;
import io.shequn.platform.problem.ProblemException;

import java.util.Optional;
import java.util.UUID;

/**
 * A service's own knowledge of who is in which group with which role (group-service's memberships,
 * the other services' projections of member-joined, member-role-changed and member-left). Needed
 * by {@link AccessFilter} wherever an operation is {@code @Allowed} for a group's audience.
 */
public interface GroupRoles {

    /** The member's role in the group if they are currently a member of it. */
    Optional<GroupRole> activeRole(UUID groupId, UUID memberId);

    /**
     * The refusal of a caller who is not a member of the group. A service that learns memberships
     * from events overrides it to say when to ask again (a join granted a moment ago may not have
     * arrived yet).
     */
    default ProblemException refuseNonMember(UUID groupId, UUID memberId) {
        return new ProblemException(403, "not-a-member", "Forbidden", "Member " + memberId + " is not a member of group " + groupId);
    }
}
