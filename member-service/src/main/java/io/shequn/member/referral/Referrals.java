package io.shequn.member.referral;

import io.shequn.member.profile.Member;
import io.shequn.member.profile.MemberRepository;
import io.shequn.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * Who invited whom. The link is set when a member registers with an invite code, or once later
 * by a member who has none; it never points at the member itself or at someone the member
 * (directly or indirectly) invited, so the referrals always form a tree.
 */
@ApplicationScoped
public class Referrals {

    /** Deep enough for any real tree; stops a walk in a corrupted one. */
    private static final int MAX_WALK = 1000;

    @Inject
    EntityManager entityManager;

    @Inject
    MemberRepository members;

    /** The member behind an invite code, or null without a code. */
    @Transactional(Transactional.TxType.MANDATORY)
    public UUID inviterFor(String inviteCode) {
        if (inviteCode == null || inviteCode.isBlank()) {
            return null;
        }
        Optional<Member> owner = members.byInviteCode(InviteCodes.normalise(inviteCode));
        if (owner.isEmpty() || owner.get().isErased()) {
            throw new ProblemException(422, "unknown-invite-code", "Unknown invite code",
                    "inviteCode: no member has the invite code " + InviteCodes.normalise(inviteCode));
        }
        return owner.get().id;
    }

    /**
     * Records who invited an existing member. Returns whether anything changed: claiming the
     * inviter one already has is a no-op.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public boolean claim(Member member, String inviteCode) {
        if (InviteCodes.normalise(inviteCode).equals(member.inviteCode)) {
            throw new ProblemException(422, "self-invitation", "Self-invitation",
                    "inviteCode: a member cannot use their own invite code");
        }
        UUID inviter = inviterFor(inviteCode);
        if (inviter.equals(member.invitedBy)) {
            return false;
        }
        if (member.invitedBy != null) {
            throw ProblemException.conflict("inviter-already-set",
                    "Member " + member.id + " was already invited by " + member.invitedBy);
        }
        // Claims are rare; serialising them makes the cycle check below race-free (two members
        // claiming each other's codes at the same moment).
        entityManager.createNativeQuery("select pg_advisory_xact_lock(hashtext('member-referral-claims'))").getSingleResult();
        if (ancestorsOf(inviter).contains(member.id)) {
            throw new ProblemException(422, "referral-cycle", "Referral cycle",
                    "inviteCode: the owner of this code was invited, directly or indirectly, by member " + member.id);
        }
        member.invitedBy = inviter;
        return true;
    }

    /** The member's inviter, the inviter's inviter, and so on up to the root. */
    @SuppressWarnings("unchecked")
    List<UUID> ancestorsOf(UUID member) {
        return entityManager.createNativeQuery("""
                        with recursive chain(id, invited_by, steps) as (
                            select id, invited_by, 0 from member where id = :member
                            union all
                            select m.id, m.invited_by, c.steps + 1 from member m join chain c on m.id = c.invited_by
                            where c.steps < :max)
                        select id from chain""")
                .setParameter("member", member)
                .setParameter("max", MAX_WALK)
                .getResultList();
    }
}
