package io.shequn.engagement.membership;

import io.shequn.contracts.EventContract;
import io.shequn.contracts.Events;
import io.shequn.contracts.events.MemberJoined;
import io.shequn.platform.inbox.InboxListener;
import io.shequn.platform.inbox.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** {@code member-joined}: the member is now in the group. */
@ApplicationScoped
public class MemberJoinedListener implements InboxListener<MemberJoined> {

    @Inject
    MembershipService memberships;

    @Override
    public EventContract<MemberJoined> contract() {
        return Events.MEMBER_JOINED;
    }

    @Override
    public void on(MemberJoined data, ReceivedEvent event) {
        memberships.joined(data);
    }
}
