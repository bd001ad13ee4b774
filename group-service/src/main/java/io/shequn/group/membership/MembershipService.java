package io.shequn.group.membership;

import io.shequn.contracts.Events;
import io.shequn.contracts.events.GroupRole;
import io.shequn.contracts.events.JoinVia;
import io.shequn.contracts.events.LeaveReason;
import io.shequn.contracts.events.MemberJoined;
import io.shequn.contracts.events.MemberLeft;
import io.shequn.group.admission.AdmissionDecision;
import io.shequn.group.admission.AdmissionRules;
import io.shequn.group.admission.ApplicantLookup;
import io.shequn.group.admission.InviteLookup;
import io.shequn.group.groups.Group;
import io.shequn.group.groups.GroupResponse;
import io.shequn.group.groups.GroupService;
import io.shequn.group.roles.Action;
import io.shequn.group.roles.GroupAccess;
import io.shequn.platform.outbox.Outbox;
import io.shequn.platform.paging.Page;
import io.shequn.platform.paging.PageRequest;
import io.shequn.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/**
 * The membership lifecycle: join (per admission mode), approve/reject, leave, remove, ban/unban.
 * Every change of who is in a group locks the group row first, so capacity holds under concurrent
 * requests, and writes its event through the outbox in the same transaction.
 */
@ApplicationScoped
public class MembershipService {

    private static final Logger LOG = Logger.getLogger(MembershipService.class);

    @Inject
    EntityManager entityManager;

    @Inject
    MembershipRepository memberships;

    @Inject
    GroupService groups;

    @Inject
    GroupAccess access;

    @Inject
    ApplicantLookup applicants;

    @Inject
    InviteLookup invites;

    @Inject
    io.shequn.group.admission.PaidEntries paidEntries;

    @Inject
    Outbox outbox;

    @Inject
    Clock clock;

    @Transactional
    public MembershipResponse join(UUID groupId, UUID memberId, JoinRequest request) {
        Group group = groups.lock(groupId);
        if (!group.isActive()) {
            throw ProblemException.conflict("group-archived", "Group " + groupId + " is archived and admits nobody");
        }
        if (isBanned(groupId, memberId)) {
            throw banned(groupId);
        }
        memberships.findOpen(groupId, memberId).ifPresent(open -> {
            throw open.isActive()
                    ? ProblemException.conflict("already-member", "You are already a member of group " + groupId)
                    : ProblemException.conflict("already-pending", "Your request to join group " + groupId + " is " + open.status);
        });
        String code = request == null || request.inviteCode() == null || request.inviteCode().isBlank()
                ? null : io.shequn.group.invites.InviteCodes.normalise(request.inviteCode());
        Map<String, String> intro = request == null || request.intro() == null ? Map.of() : request.intro();
        UUID inviter = code == null ? null : invites.inviter(groupId, code).orElse(null);
        AdmissionDecision decision = AdmissionRules.decide(GroupResponse.of(group, 0).admission(),
                applicants.applicant(memberId), intro, code != null, inviter);
        if (decision instanceof AdmissionDecision.Refuse refuse) {
            throw JoinRefusals.refusal(refuse);
        }
        requireRoom(group);
        Instant now = now();
        Membership membership;
        if (decision instanceof AdmissionDecision.Admit admit) {
            membership = new Membership(groupId, memberId, MembershipStatus.ACTIVE, GroupRole.MEMBER, admit.via(),
                    credited(groupId, memberId, admit.inviterId()), code, intro, now);
        } else if (decision instanceof AdmissionDecision.Apply apply) {
            membership = new Membership(groupId, memberId, MembershipStatus.PENDING_APPROVAL, GroupRole.MEMBER,
                    JoinVia.APPROVAL, credited(groupId, memberId, apply.inviterId()), code, intro, now);
        } else {
            membership = new Membership(groupId, memberId, MembershipStatus.PENDING_PAYMENT, GroupRole.MEMBER,
                    JoinVia.PAID, credited(groupId, memberId, ((AdmissionDecision.AwaitPayment) decision).inviterId()), code, intro, now);
        }
        memberships.persist(membership);
        if (membership.isActive()) {
            publishJoined(membership);
        } else if (membership.status == MembershipStatus.PENDING_PAYMENT) {
            // The shop may have reported the payment before the member asked to join.
            memberships.flush();
            paidEntries.completeIfPaid(group, membership);
        }
        LOG.infof("Member %s asked to join group %s: %s", memberId, groupId, membership.status);
        return MembershipResponse.of(membership);
    }

    /** Owner and admins: the application becomes a membership (via APPROVAL) if there is room. */
    @Transactional
    public MembershipResponse approve(UUID groupId, UUID memberId) {
        Group group = groups.lock(groupId);
        access.require(Action.DECIDE_APPLICATION, groupId);
        Membership application = pendingApplication(groupId, memberId);
        if (!group.isActive()) {
            throw ProblemException.conflict("group-archived", "Group " + groupId + " is archived and admits nobody");
        }
        requireRoom(group);
        application.decidedBy = access.callerId();
        activate(application);
        return MembershipResponse.of(application);
    }

    @Transactional
    public MembershipResponse reject(UUID groupId, UUID memberId, String reason) {
        groups.lock(groupId);
        access.require(Action.DECIDE_APPLICATION, groupId);
        Membership application = pendingApplication(groupId, memberId);
        application.status = MembershipStatus.REJECTED;
        application.endedAt = now();
        application.decidedBy = access.callerId();
        application.decisionReason = reason.strip();
        return MembershipResponse.of(application);
    }

    /**
     * Completes a pending membership (an approved application, a paid entry). The caller holds the
     * group lock and has checked capacity.
     */
    public void activate(Membership membership) {
        membership.status = MembershipStatus.ACTIVE;
        membership.joinedAt = now();
        publishJoined(membership);
    }

    /**
     * The member was erased: each pending application or unpaid entry of theirs is withdrawn (LEFT),
     * under its group's lock, unless it was decided meanwhile.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void withdrawPending(UUID memberId) {
        for (Membership membership : memberships.pendingOf(memberId)) {
            groups.lock(membership.groupId);
            entityManager.refresh(membership);
            if (membership.status.isPending()) {
                end(membership, LeaveReason.LEFT, "member erased");
                LOG.infof("Withdrew the pending membership of erased member %s in group %s", memberId, membership.groupId);
            }
        }
    }

    /** The caller leaves (or withdraws a pending request). The owner must transfer ownership first. */
    @Transactional
    public MembershipResponse leave(UUID groupId, UUID memberId) {
        groups.lock(groupId);
        Membership membership = memberships.findOpen(groupId, memberId)
                .orElseThrow(() -> ProblemException.notFound("Membership of " + memberId + " in group", groupId));
        if (membership.role == GroupRole.OWNER) {
            throw ProblemException.conflict("owner-cannot-leave", "The owner must transfer ownership before leaving");
        }
        end(membership, LeaveReason.LEFT, null);
        return MembershipResponse.of(membership);
    }

    /** Owner and admins remove members below their own rank; the reason goes into member-left. */
    @Transactional
    public MembershipResponse remove(UUID groupId, UUID memberId, String reason) {
        groups.lock(groupId);
        Membership membership = memberships.findActive(groupId, memberId)
                .orElseThrow(() -> ProblemException.notFound("Member " + memberId + " of group", groupId));
        access.require(Action.REMOVE_MEMBER, groupId, membership.role, null);
        end(membership, LeaveReason.REMOVED, reason.strip());
        return MembershipResponse.of(membership);
    }

    /**
     * Removes without a caller (automatic moderation). Returns the ended membership, or empty when
     * the member is not active or is the owner (a group never loses its owner automatically).
     */
    public Optional<Membership> removeAutomatically(UUID groupId, UUID memberId, String detail) {
        groups.lock(groupId);
        Optional<Membership> membership = memberships.findActive(groupId, memberId)
                .filter(m -> m.role != GroupRole.OWNER);
        membership.ifPresent(m -> end(m, LeaveReason.REMOVED, detail));
        return membership;
    }

    /** Owner and admins ban members below their own rank: out now (if in), and no rejoining until unbanned. */
    @Transactional
    public BanResponse ban(UUID groupId, BanRequest request) {
        groups.lock(groupId);
        Optional<Membership> open = memberships.findOpen(groupId, request.memberId());
        GroupRole target = open.map(m -> m.role).orElse(GroupRole.MEMBER);
        access.require(Action.BAN_MEMBER, groupId, target, null);
        if (isBanned(groupId, request.memberId())) {
            throw ProblemException.conflict("already-banned", "Member " + request.memberId() + " is already banned");
        }
        Instant now = now();
        UUID by = access.callerId();
        entityManager.createNativeQuery("""
                        insert into group_ban (group_id, member_id, reason, banned_by, banned_at)
                        values (:group, :member, :reason, :by, :at)""")
                .setParameter("group", groupId).setParameter("member", request.memberId())
                .setParameter("reason", request.reason().strip()).setParameter("by", by).setParameter("at", now)
                .executeUpdate();
        open.ifPresent(m -> end(m, LeaveReason.BANNED, request.reason().strip()));
        LOG.infof("Member %s banned from group %s by %s", request.memberId(), groupId, by);
        return new BanResponse(groupId, request.memberId(), request.reason().strip(), by, now);
    }

    @Transactional
    public void unban(UUID groupId, UUID memberId) {
        groups.lock(groupId);
        access.require(Action.UNBAN_MEMBER, groupId);
        int deleted = entityManager.createNativeQuery("delete from group_ban where group_id = :group and member_id = :member")
                .setParameter("group", groupId).setParameter("member", memberId).executeUpdate();
        if (deleted == 0) {
            throw ProblemException.notFound("Ban of " + memberId + " in group", groupId);
        }
    }

    @Transactional
    public Page<BanResponse> bans(UUID groupId, PageRequest page) {
        groups.find(groupId);
        access.require(Action.UNBAN_MEMBER, groupId);
        @SuppressWarnings("unchecked")
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select member_id, reason, banned_by, banned_at from group_ban where group_id = :group
                        order by banned_at desc, member_id""")
                .setParameter("group", groupId).setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        long total = ((Number) entityManager.createNativeQuery("select count(*) from group_ban where group_id = :group")
                .setParameter("group", groupId).getSingleResult()).longValue();
        List<BanResponse> bans = rows.stream().map(r -> new BanResponse(groupId, (UUID) r[0], (String) r[1], (UUID) r[2],
                toInstant(r[3]))).toList();
        return Page.of(bans, page, total);
    }

    /**
     * Current members (or those who left) of a group, for its members and operators; applications,
     * rejections, removals and bans for its owner, admins and operators.
     */
    @Transactional
    public Page<MembershipResponse> members(UUID groupId, MembershipStatus status, GroupRole role, PageRequest page) {
        groups.find(groupId);
        access.require(Action.VIEW_MEMBERS, groupId);
        MembershipStatus wanted = status == null ? MembershipStatus.ACTIVE : status;
        if (wanted.isModerationRecord()) {
            access.require(Action.VIEW_MODERATION_RECORDS, groupId);
        }
        return Page.of(memberships.page(groupId, wanted, role, page.offset(), page.size()).stream()
                .map(MembershipResponse::of).toList(), page, memberships.count(groupId, wanted, role));
    }

    /**
     * The member's current (or latest) period in the group: themselves, fellow members and
     * operators; an application, rejection, removal or ban only themselves, the owner, admins
     * and operators.
     */
    @Transactional
    public MembershipResponse membership(UUID groupId, UUID memberId) {
        groups.find(groupId);
        boolean self = memberId.equals(access.callerId());
        if (!self) {
            access.require(Action.VIEW_MEMBERS, groupId);
        }
        Membership latest = memberships.latest(groupId, memberId)
                .orElseThrow(() -> ProblemException.notFound("Membership of " + memberId + " in group", groupId));
        if (!self && latest.status.isModerationRecord()) {
            access.require(Action.VIEW_MODERATION_RECORDS, groupId);
        }
        return MembershipResponse.of(latest);
    }

    /** Pending applications, oldest first: owner, admins, operators. */
    @Transactional
    public Page<MembershipResponse> applications(UUID groupId, PageRequest page) {
        groups.find(groupId);
        access.require(Action.DECIDE_APPLICATION, groupId);
        return Page.of(memberships.page(groupId, MembershipStatus.PENDING_APPROVAL, null, page.offset(), page.size())
                .stream().map(MembershipResponse::of).toList(), page,
                memberships.count(groupId, MembershipStatus.PENDING_APPROVAL, null));
    }

    /** A member's groups (their current memberships by default): themselves and operators. */
    @Transactional
    public Page<MembershipResponse> groupsOf(UUID memberId, MembershipStatus status, boolean callerIsOperator,
                                             UUID callerId, PageRequest page) {
        if (!callerIsOperator && !memberId.equals(callerId)) {
            throw ProblemException.forbidden("Members see only their own groups");
        }
        MembershipStatus wanted = status == null ? MembershipStatus.ACTIVE : status;
        return Page.of(memberships.ofMember(memberId, wanted, page.offset(), page.size()).stream()
                .map(MembershipResponse::of).toList(), page, memberships.countOfMember(memberId, wanted));
    }

    static ProblemException banned(UUID groupId) {
        return new ProblemException(403, "banned", "Banned", "You are banned from group " + groupId);
    }

    public boolean isBanned(UUID groupId, UUID memberId) {
        return !entityManager.createNativeQuery("select 1 from group_ban where group_id = :group and member_id = :member")
                .setParameter("group", groupId).setParameter("member", memberId).getResultList().isEmpty();
    }

    private Membership pendingApplication(UUID groupId, UUID memberId) {
        return memberships.findOpen(groupId, memberId)
                .filter(m -> m.status == MembershipStatus.PENDING_APPROVAL)
                .orElseThrow(() -> ProblemException.notFound("Pending application of " + memberId + " to group", groupId));
    }

    public boolean hasRoom(Group group) {
        return memberships.countActive(group.id) < group.capacity;
    }

    /** 409 when the group is full. The caller holds the group's lock, so the count cannot change meanwhile. */
    public void requireRoom(Group group) {
        long members = memberships.countActive(group.id);
        if (members >= group.capacity) {
            throw new ProblemException(409, "group-full", "Group full",
                    "Group " + group.id + " is full: " + members + " of " + group.capacity + " places taken");
        }
    }

    private void end(Membership membership, LeaveReason reason, String detail) {
        boolean wasActive = membership.isActive();
        Instant now = now();
        membership.status = switch (reason) {
            case LEFT -> MembershipStatus.LEFT;
            case REMOVED -> MembershipStatus.REMOVED;
            case BANNED -> MembershipStatus.BANNED;
        };
        membership.endedAt = now;
        membership.endReason = reason;
        membership.endDetail = detail;
        if (wasActive) {
            outbox.publish(Events.MEMBER_LEFT, new MemberLeft(membership.groupId, membership.memberId, reason, detail, now), now);
            LOG.infof("Member %s left group %s: %s", membership.memberId, membership.groupId, reason);
        }
    }

    /**
     * The inviter a join credits (docs/analytics.md, "Registration inviters"): the owner of the
     * group invite code it brought; without one, the member who invited the joiner to register,
     * if this is the joiner's first join of the group and that inviter is a current member of it.
     * Admission is not changed by it: only a group invite code opens an INVITE_ONLY group.
     */
    private UUID credited(UUID groupId, UUID memberId, UUID codeInviter) {
        if (codeInviter != null) {
            return codeInviter;
        }
        if (memberships.joinedBefore(groupId, memberId)) {
            return null;
        }
        return applicants.registrationInviter(memberId)
                .filter(inviter -> !inviter.equals(memberId) && memberships.findActive(groupId, inviter).isPresent())
                .orElse(null);
    }

    private void publishJoined(Membership membership) {
        outbox.publish(Events.MEMBER_JOINED, new MemberJoined(membership.groupId, membership.memberId, membership.role,
                membership.via, membership.inviterId, membership.joinedAt), membership.joinedAt);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }

    private static Instant toInstant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof java.time.OffsetDateTime odt) {
            return odt.toInstant();
        }
        return ((java.sql.Timestamp) value).toInstant();
    }
}
