package io.shequn.group.memberprojection;

import io.shequn.contracts.EventContract;
import io.shequn.contracts.Events;
import io.shequn.contracts.events.MemberRegistered;
import io.shequn.platform.inbox.InboxListener;
import io.shequn.platform.inbox.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Keeps the member projection current: see {@link MemberProfiles}. */
@ApplicationScoped
public class MemberRegisteredListener implements InboxListener<MemberRegistered> {

    @Inject
    MemberProfiles profiles;

    @Override
    public EventContract<MemberRegistered> contract() {
        return Events.MEMBER_REGISTERED;
    }

    @Override
    public void on(MemberRegistered data, ReceivedEvent event) {
        profiles.replaceProfile(data.memberId(), data.displayName(), data.region(), data.occupation(), data.tags(), event.time());
        profiles.invitedBy(data.memberId(), data.invitedBy(), event.time());
    }
}
