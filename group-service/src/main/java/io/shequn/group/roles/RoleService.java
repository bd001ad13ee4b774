package io.shequn.group.roles;

import io.shequn.contracts.Events;
import io.shequn.contracts.events.GroupRole;
import io.shequn.contracts.events.MemberRoleChanged;
import io.shequn.group.groups.Group;
import io.shequn.group.groups.GroupService;
import io.shequn.group.membership.Membership;
import io.shequn.group.membership.MembershipRepository;
import io.shequn.group.membership.MembershipResponse;
import io.shequn.platform.outbox.Outbox;
import io.shequn.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/** Role changes and ownership transfer; each change publishes member-role-changed. */
@ApplicationScoped
public class RoleService {

    private static final Logger LOG = Logger.getLogger(RoleService.class);

    @Inject
    GroupService groups;

    @Inject
    MembershipRepository memberships;

    @Inject
    GroupAccess access;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Transactional
    public MembershipResponse changeRole(UUID groupId, UUID memberId, GroupRole role) {
        groups.lock(groupId);
        Membership membership = active(groupId, memberId);
        access.require(Action.ASSIGN_ROLE, groupId, membership.role, role);
        if (membership.role != role) {
            membership.role = role;
            publish(membership, access.callerId(), now());
            LOG.infof("Member %s of group %s is now %s", memberId, groupId, role);
        }
        return MembershipResponse.of(membership);
    }

    /** The owner (or an operator) hands the group to a current member; the old owner becomes an admin. */
    @Transactional
    public List<MembershipResponse> transferOwnership(UUID groupId, UUID newOwnerId) {
        Group group = groups.lock(groupId);
        access.require(Action.TRANSFER_OWNERSHIP, groupId);
        if (group.ownerId.equals(newOwnerId)) {
            throw ProblemException.conflict("already-owner", "Member " + newOwnerId + " already owns group " + groupId);
        }
        Membership next = active(groupId, newOwnerId);
        Membership previous = active(groupId, group.ownerId);
        UUID by = access.callerId();
        Instant now = now();
        next.role = GroupRole.OWNER;
        previous.role = GroupRole.ADMIN;
        group.ownerId = newOwnerId;
        group.updatedAt = now;
        publish(next, by, now);
        publish(previous, by, now);
        LOG.infof("Ownership of group %s transferred to %s", groupId, newOwnerId);
        return List.of(MembershipResponse.of(next), MembershipResponse.of(previous));
    }

    private Membership active(UUID groupId, UUID memberId) {
        return memberships.findActive(groupId, memberId)
                .orElseThrow(() -> ProblemException.notFound("Member " + memberId + " of group", groupId));
    }

    private void publish(Membership membership, UUID by, Instant now) {
        outbox.publish(Events.MEMBER_ROLE_CHANGED,
                new MemberRoleChanged(membership.groupId, membership.memberId, membership.role, by, now), now);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
