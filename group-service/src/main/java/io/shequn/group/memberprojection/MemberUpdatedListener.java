package io.shequn.group.memberprojection;

import io.shequn.contracts.EventContract;
import io.shequn.contracts.Events;
import io.shequn.contracts.events.MemberUpdated;
import io.shequn.platform.inbox.InboxListener;
import io.shequn.platform.inbox.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Keeps the member projection current: see {@link MemberProfiles}. */
@ApplicationScoped
public class MemberUpdatedListener implements InboxListener<MemberUpdated> {

    @Inject
    MemberProfiles profiles;

    @Override
    public EventContract<MemberUpdated> contract() {
        return Events.MEMBER_UPDATED;
    }

    @Override
    public void on(MemberUpdated data, ReceivedEvent event) {
        profiles.replaceProfile(data.memberId(), data.displayName(), data.region(), data.occupation(), data.tags(), event.time());
        profiles.invitedBy(data.memberId(), data.invitedBy(), event.time());
    }
}
