package io.shequn.member.profile;

import io.quarkus.hibernate.orm.panache.PanacheRepositoryBase;
import io.shequn.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;

import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Member profiles by id, invite code and external id. The referral-tree walks stay native SQL in {@code referral}. */
@ApplicationScoped
public class MemberRepository implements PanacheRepositoryBase<Member, UUID> {

    /** The member, locked for the rest of the transaction, or 404. */
    public Member lock(UUID id) {
        return findByIdOptional(id, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> ProblemException.notFound("Member", id));
    }

    public Optional<Member> byInviteCode(String inviteCode) {
        return find("inviteCode", inviteCode).firstResultOptional();
    }

    public List<Member> byExternalIds(Collection<String> externalIds) {
        return list("externalId in ?1", externalIds);
    }

    /** Those of {@code codes} that some member has (erased members' codes too: a code is never reused). */
    public List<String> takenInviteCodes(Collection<String> codes) {
        return getEntityManager().createQuery("select m.inviteCode from Member m where m.inviteCode in ?1", String.class)
                .setParameter(1, codes).getResultList();
    }

    /** Those of {@code codes} that a member who is not erased has, so a new member may use them. */
    public List<String> usableInviteCodes(Collection<String> codes) {
        return getEntityManager().createQuery(
                        "select m.inviteCode from Member m where m.inviteCode in ?1 and m.erasedAt is null", String.class)
                .setParameter(1, codes).getResultList();
    }
}
