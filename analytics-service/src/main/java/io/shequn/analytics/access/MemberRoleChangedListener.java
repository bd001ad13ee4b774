package io.shequn.analytics.access;

import io.shequn.contracts.EventContract;
import io.shequn.contracts.Events;
import io.shequn.contracts.events.MemberRoleChanged;
import io.shequn.platform.inbox.InboxListener;
import io.shequn.platform.inbox.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

/** Keeps each member's role in each group; the latest change (by its time) wins, whatever the arrival order. */
@ApplicationScoped
public class MemberRoleChangedListener implements InboxListener<MemberRoleChanged> {

    @Inject
    EntityManager entityManager;

    @Override
    public EventContract<MemberRoleChanged> contract() {
        return Events.MEMBER_ROLE_CHANGED;
    }

    @Override
    public void on(MemberRoleChanged data, ReceivedEvent event) {
        entityManager.createNativeQuery("""
                        insert into group_membership (group_id, member_id, role, role_at) values (:group, :member, :role, :at)
                        on conflict (group_id, member_id) do update set role = excluded.role, role_at = excluded.role_at
                        where group_membership.role_at is null or group_membership.role_at < excluded.role_at""")
                .setParameter("group", data.groupId()).setParameter("member", data.memberId())
                .setParameter("role", data.role().name()).setParameter("at", data.changedAt())
                .executeUpdate();
    }
}
