package io.shequn.analytics.members;

import io.shequn.contracts.EventContract;
import io.shequn.contracts.Events;
import io.shequn.contracts.events.MemberRegistered;
import io.shequn.platform.inbox.InboxListener;
import io.shequn.platform.inbox.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** Counts registered members. Keeps ids and times only: personal data stays in member-service. */
@ApplicationScoped
public class MemberRegisteredListener implements InboxListener<MemberRegistered> {

    @Inject
    EntityManager entityManager;

    @Override
    public EventContract<MemberRegistered> contract() {
        return Events.MEMBER_REGISTERED;
    }

    @Override
    public void on(MemberRegistered data, ReceivedEvent event) {
        // A member is counted once even if two different events (a replay, an import) name it.
        entityManager.createNativeQuery("""
                        insert into analytics_member (member_id, invited_by, registered_at)
                        values (:member, :invitedBy, :registeredAt)
                        on conflict (member_id) do update set registered_at = excluded.registered_at,
                            invited_by = coalesce(analytics_member.invited_by, excluded.invited_by)
                        where analytics_member.registered_at is null""")
                .setParameter("member", data.memberId())
                .setParameter("invitedBy", data.invitedBy())
                .setParameter("registeredAt", data.registeredAt())
                .executeUpdate();
    }
}
