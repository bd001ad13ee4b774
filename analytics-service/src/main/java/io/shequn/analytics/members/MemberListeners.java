package io.shequn.analytics.members;

import io.shequn.contracts.EventContract;
import io.shequn.contracts.Events;
import io.shequn.contracts.events.MemberErased;
import io.shequn.contracts.events.MemberUpdated;
import io.shequn.contracts.events.MemberVerified;
import io.shequn.platform.auth.ErasedMembers;
import io.shequn.platform.inbox.InboxListener;
import io.shequn.platform.inbox.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Instant;
import java.util.UUID;

/**
 * What analytics keeps of a member besides registration: a later claimed inviter, verification
 * and erasure. Only ids and times; the profile's personal data is never stored here. Each may
 * arrive before member-registered (another topic), so each creates the member's row if needed.
 */
public final class MemberListeners {

    private MemberListeners() {
    }

    @ApplicationScoped
    public static class Updated implements InboxListener<MemberUpdated> {

        @Inject
        EntityManager entityManager;

        @Override
        public EventContract<MemberUpdated> contract() {
            return Events.MEMBER_UPDATED;
        }

        @Override
        public void on(MemberUpdated data, ReceivedEvent event) {
            if (data.invitedBy() == null) {
                return;
            }
            entityManager.createNativeQuery("""
                            insert into analytics_member (member_id, invited_by) values (:member, :invitedBy)
                            on conflict (member_id) do update set invited_by = excluded.invited_by where analytics_member.invited_by is null""")
                    .setParameter("member", data.memberId()).setParameter("invitedBy", data.invitedBy())
                    .executeUpdate();
        }
    }

    @ApplicationScoped
    public static class Verified implements InboxListener<MemberVerified> {

        @Inject
        EntityManager entityManager;

        @Override
        public EventContract<MemberVerified> contract() {
            return Events.MEMBER_VERIFIED;
        }

        @Override
        public void on(MemberVerified data, ReceivedEvent event) {
            mark(entityManager, "verified_at", data.memberId(), data.verifiedAt());
        }
    }

    /**
     * Analytics holds no personal data to drop; it notes the erasure so the member's page says so,
     * and refuses the member's tokens from now on ({@link ErasedMembers}).
     */
    @ApplicationScoped
    public static class Erased implements InboxListener<MemberErased> {

        @Inject
        EntityManager entityManager;

        @Inject
        ErasedMembers erasedMembers;

        @Override
        public EventContract<MemberErased> contract() {
            return Events.MEMBER_ERASED;
        }

        @Override
        public void on(MemberErased data, ReceivedEvent event) {
            mark(entityManager, "erased_at", data.memberId(), data.erasedAt());
            erasedMembers.erased(data.memberId(), data.erasedAt());
        }
    }

    /** Sets a moment column once: the first verification or erasure counts. */
    private static void mark(EntityManager entityManager, String column, UUID member, Instant at) {
        entityManager.createNativeQuery("insert into analytics_member (member_id, " + column + ") values (:member, :at) "
                        + "on conflict (member_id) do update set " + column + " = least(analytics_member." + column + ", excluded." + column + ")")
                .setParameter("member", member).setParameter("at", at)
                .executeUpdate();
    }
}
