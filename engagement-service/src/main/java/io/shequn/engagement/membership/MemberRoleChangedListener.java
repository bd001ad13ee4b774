package io.shequn.engagement.membership;

import io.shequn.contracts.EventContract;
import io.shequn.contracts.Events;
import io.shequn.contracts.events.MemberRoleChanged;
import io.shequn.platform.inbox.InboxListener;
import io.shequn.platform.inbox.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** {@code member-role-changed}: the member's role in the group. */
@ApplicationScoped
public class MemberRoleChangedListener implements InboxListener<MemberRoleChanged> {

    @Inject
    MembershipService memberships;

    @Override
    public EventContract<MemberRoleChanged> contract() {
        return Events.MEMBER_ROLE_CHANGED;
    }

    @Override
    public void on(MemberRoleChanged data, ReceivedEvent event) {
        memberships.roleChanged(data);
    }
}
