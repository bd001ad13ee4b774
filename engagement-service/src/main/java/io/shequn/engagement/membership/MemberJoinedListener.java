package io.shequn.engagement.membership;

import io.shequn.contracts.EventContract;
import io.shequn.contracts.Events;
import io.shequn.contracts.events.MemberJoined;
import io.shequn.engagement.points.EarningFromEvents;
import io.shequn.platform.inbox.InboxListener;
import io.shequn.platform.inbox.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** {@code member-joined}: the member is now in the group, and whoever invited them earns the referral reward. */
@ApplicationScoped
public class MemberJoinedListener implements InboxListener<MemberJoined> {

    @Inject
    MembershipService memberships;

    @Inject
    EarningFromEvents earning;

    @Override
    public EventContract<MemberJoined> contract() {
        return Events.MEMBER_JOINED;
    }

    @Override
    public void on(MemberJoined data, ReceivedEvent event) {
        memberships.joined(data);
        earning.joined(data);
    }
}
