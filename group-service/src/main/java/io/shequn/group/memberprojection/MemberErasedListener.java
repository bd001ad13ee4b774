package io.shequn.group.memberprojection;

import io.shequn.contracts.EventContract;
import io.shequn.contracts.Events;
import io.shequn.contracts.events.MemberErased;
import io.shequn.platform.inbox.InboxListener;
import io.shequn.platform.inbox.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Keeps the member projection current: see {@link MemberProfiles}. */
@ApplicationScoped
public class MemberErasedListener implements InboxListener<MemberErased> {

    @Inject
    MemberProfiles profiles;

    @Override
    public EventContract<MemberErased> contract() {
        return Events.MEMBER_ERASED;
    }

    @Override
    public void on(MemberErased data, ReceivedEvent event) {
        profiles.erase(data.memberId(), data.erasedAt());
    }
}
