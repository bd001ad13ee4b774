package io.shequn.group.memberprojection;

import io.shequn.contracts.EventContract;
import io.shequn.contracts.Events;
import io.shequn.contracts.events.MemberErased;
import io.shequn.group.membership.MembershipService;
import io.shequn.platform.auth.ErasedMembers;
import io.shequn.platform.inbox.InboxListener;
import io.shequn.platform.inbox.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Keeps the member projection current (see {@link MemberProfiles}), and stops new personal data
 * for the erased member: their tokens are refused from now on ({@link ErasedMembers}) and their
 * pending applications and unpaid entries are withdrawn, so no owner can admit them.
 */
@ApplicationScoped
public class MemberErasedListener implements InboxListener<MemberErased> {

    @Inject
    MemberProfiles profiles;

    @Inject
    ErasedMembers erasedMembers;

    @Inject
    MembershipService memberships;

    @Override
    public EventContract<MemberErased> contract() {
        return Events.MEMBER_ERASED;
    }

    @Override
    public void on(MemberErased data, ReceivedEvent event) {
        profiles.erase(data.memberId(), data.erasedAt());
        erasedMembers.erased(data.memberId(), data.erasedAt());
        memberships.withdrawPending(data.memberId());
    }
}
