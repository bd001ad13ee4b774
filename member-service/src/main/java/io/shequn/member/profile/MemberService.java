package io.shequn.member.profile;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.shequn.contracts.Events;
import io.shequn.contracts.events.MemberErased;
import io.shequn.contracts.events.MemberRegistered;
import io.shequn.contracts.events.MemberUpdated;
import io.shequn.member.referral.InviteCodes;
import io.shequn.member.referral.Referrals;
import io.shequn.platform.auth.Caller;
import io.shequn.platform.auth.ErasedMembers;
import io.shequn.platform.outbox.Outbox;
import io.shequn.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * Member profiles: registering, self-service and operator updates, reading with the caller's
 * view, and erasure. Every change is published through the outbox in the same transaction.
 * Logs name member ids only, never personal data.
 */
@ApplicationScoped
public class MemberService {

    private static final Logger LOG = Logger.getLogger(MemberService.class);

    @Inject
    MemberRepository members;

    @Inject
    Outbox outbox;

    @Inject
    Referrals referrals;

    @Inject
    ErasedMembers erasedMembers;

    @Inject
    Clock clock;

    /** The result of a create-or-update: the profile and whether it was created. */
    public record Saved(MemberResponse member, boolean created) {
    }

    /** An operator registers a member. */
    @Transactional
    public MemberResponse register(MemberProfileRequest request) {
        Member member = create(UUID.randomUUID(), request, null);
        LOG.infof("Registered member %s", member.id);
        return MemberResponse.of(member, true);
    }

    /**
     * The caller creates or updates their own profile. Two first saves racing each other both
     * succeed: the loser of the insert retries as an update.
     */
    public Saved saveOwn(UUID caller, MemberProfileRequest request) {
        try {
            return QuarkusTransaction.requiringNew().call(() -> saveOwnOnce(caller, request));
        } catch (RuntimeException e) {
            if (!isUniqueViolation(e)) {
                throw e;
            }
            return QuarkusTransaction.requiringNew().call(() -> saveOwnOnce(caller, request));
        }
    }

    private static boolean isUniqueViolation(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && "23505".equals(sql.getSQLState())) {
                return true;
            }
        }
        return false;
    }

    private Saved saveOwnOnce(UUID caller, MemberProfileRequest request) {
        Member member = members.findById(caller, LockModeType.PESSIMISTIC_WRITE);
        if (member == null) {
            Member created = create(caller, request, null);
            members.flush();
            LOG.infof("Registered member %s", created.id);
            return new Saved(MemberResponse.of(created, true), true);
        }
        return new Saved(MemberResponse.of(update(member, request), true), false);
    }

    /** The member or an operator updates an existing profile. */
    @Transactional
    public MemberResponse update(UUID id, MemberProfileRequest request, Caller caller) {
        requireSelfOrOperator(id, caller);
        return MemberResponse.of(update(members.lock(id), request), true);
    }

    @Transactional
    public MemberResponse get(UUID id, Caller caller) {
        Member member = members.findByIdOptional(id).orElseThrow(() -> ProblemException.notFound("Member", id));
        return MemberResponse.of(member, caller.isOperator() || id.equals(caller.memberId()));
    }

    /**
     * Erases the member's personal data and leaves an anonymous tombstone. Erasing twice is
     * harmless and publishes nothing the second time.
     */
    @Transactional
    public void erase(UUID id, Caller caller) {
        requireSelfOrOperator(id, caller);
        Member member = members.lock(id);
        if (member.isErased()) {
            return;
        }
        Instant now = now();
        member.erase(now);
        erasedMembers.erased(member.id, now);
        outbox.publish(Events.MEMBER_ERASED, new MemberErased(member.id, now), now);
        LOG.infof("Erased member %s", member.id);
    }

    /**
     * Creates a member; used by registration, the first self-save and the import. The caller
     * has validated the request.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Member create(UUID id, MemberProfileRequest request, String externalId) {
        return create(id, request, externalId, unusedInviteCodes(1).get(0));
    }

    /** As {@link #create(UUID, MemberProfileRequest, String)} with a code from {@link #unusedInviteCodes(int)}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Member create(UUID id, MemberProfileRequest request, String externalId, String inviteCode) {
        UUID inviter = referrals.inviterFor(request.inviteCode());
        Instant now = now();
        Member member = new Member(id, inviteCode, now);
        member.apply(Profile.of(request));
        member.invitedBy = inviter;
        member.externalId = externalId;
        member.updatedAt = now;
        members.persist(member);
        outbox.publish(Events.MEMBER_REGISTERED, new MemberRegistered(member.id, member.displayName, member.region,
                member.occupation, member.tags, member.invitedBy, member.registeredAt), member.registeredAt);
        LOG.debugf("Registered member %s", member.id);
        return member;
    }

    /** Replaces the profile of an existing member; publishes member-updated if anything changed. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Member update(Member member, MemberProfileRequest request) {
        if (member.isErased()) {
            throw ProblemException.conflict("member-erased", "Member " + member.id + " was erased");
        }
        boolean changed = member.apply(Profile.of(request));
        if (request.inviteCode() != null && !request.inviteCode().isBlank()) {
            changed |= referrals.claim(member, request.inviteCode());
        }
        if (changed) {
            Instant now = now();
            member.updatedAt = now;
            outbox.publish(Events.MEMBER_UPDATED, new MemberUpdated(member.id, member.displayName, member.region,
                    member.occupation, member.tags, member.invitedBy), now);
            LOG.infof("Updated member %s", member.id);
        }
        return member;
    }

    private static void requireSelfOrOperator(UUID id, Caller caller) {
        if (!caller.isOperator() && !id.equals(caller.memberId())) {
            throw ProblemException.forbidden("Only the member or an operator may change member " + id);
        }
    }

    /** {@code count} fresh invite codes nobody has, checked with one query (the import needs hundreds at once). */
    @Transactional(Transactional.TxType.MANDATORY)
    public List<String> unusedInviteCodes(int count) {
        Set<String> codes = new LinkedHashSet<>();
        while (codes.size() < count) {
            Set<String> candidates = new LinkedHashSet<>();
            while (candidates.size() < count - codes.size()) {
                candidates.add(InviteCodes.random());
            }
            candidates.removeAll(members.takenInviteCodes(candidates));
            codes.addAll(candidates);
        }
        return List.copyOf(codes);
    }

    private Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.MICROS);
    }
}
