package io.shequn.platform.auth;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.util.UUID;

/**
 * The members who asked to be forgotten. Every service records an erasure here as it learns of it
 * (member-service where it erases, the others in their member-erased listener), and from then on
 * {@link ErasedMemberTokens} refuses the member's tokens on every endpoint of the service, so no
 * request can add personal data for them.
 */
@ApplicationScoped
public class ErasedMembers {

    @Inject
    EntityManager entityManager;

    /** The member was erased at {@code at}; recording it again changes nothing. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void erased(UUID member, Instant at) {
        entityManager.createNativeQuery("insert into erased_member (member_id, erased_at) values (:member, :at) on conflict do nothing")
                .setParameter("member", member).setParameter("at", at).executeUpdate();
    }

    @Transactional
    public boolean isErased(UUID member) {
        return !entityManager.createNativeQuery("select 1 from erased_member where member_id = :member")
                .setParameter("member", member).getResultList().isEmpty();
    }
}
