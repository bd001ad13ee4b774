package io.shequn.group.memberprojection;

import io.shequn.contracts.EventContract;
import io.shequn.contracts.Events;
import io.shequn.contracts.events.MemberVerified;
import io.shequn.platform.inbox.InboxListener;
import io.shequn.platform.inbox.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Keeps the member projection current: see {@link MemberProfiles}. */
@ApplicationScoped
public class MemberVerifiedListener implements InboxListener<MemberVerified> {

    @Inject
    MemberProfiles profiles;

    @Override
    public EventContract<MemberVerified> contract() {
        return Events.MEMBER_VERIFIED;
    }

    @Override
    public void on(MemberVerified data, ReceivedEvent event) {
        profiles.markVerified(data.memberId(), data.verifiedAt());
    }
}
