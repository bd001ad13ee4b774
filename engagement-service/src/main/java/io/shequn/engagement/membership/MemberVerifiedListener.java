package io.shequn.engagement.membership;

import io.shequn.contracts.EventContract;
import io.shequn.contracts.Events;
import io.shequn.contracts.events.MemberVerified;
import io.shequn.platform.inbox.InboxListener;
import io.shequn.platform.inbox.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** {@code member-verified}: the member is real-name verified, which some lotteries require. */
@ApplicationScoped
public class MemberVerifiedListener implements InboxListener<MemberVerified> {

    @Inject
    MembershipService memberships;

    @Override
    public EventContract<MemberVerified> contract() {
        return Events.MEMBER_VERIFIED;
    }

    @Override
    public void on(MemberVerified data, ReceivedEvent event) {
        memberships.verified(data);
    }
}
