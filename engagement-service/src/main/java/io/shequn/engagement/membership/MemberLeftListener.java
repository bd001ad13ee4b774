package io.shequn.engagement.membership;

import io.shequn.contracts.EventContract;
import io.shequn.contracts.Events;
import io.shequn.contracts.events.MemberLeft;
import io.shequn.platform.inbox.InboxListener;
import io.shequn.platform.inbox.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** {@code member-left}: the member is no longer in the group (left, removed or banned). */
@ApplicationScoped
public class MemberLeftListener implements InboxListener<MemberLeft> {

    @Inject
    MembershipService memberships;

    @Override
    public EventContract<MemberLeft> contract() {
        return Events.MEMBER_LEFT;
    }

    @Override
    public void on(MemberLeft data, ReceivedEvent event) {
        memberships.left(data);
    }
}
