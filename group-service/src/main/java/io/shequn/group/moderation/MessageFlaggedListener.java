package io.shequn.group.moderation;

import io.shequn.contracts.EventContract;
import io.shequn.contracts.Events;
import io.shequn.contracts.events.MessageFlagged;
import io.shequn.platform.inbox.InboxListener;
import io.shequn.platform.inbox.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Each flagged message is a moderation strike: see {@link ModerationService}. */
@ApplicationScoped
public class MessageFlaggedListener implements InboxListener<MessageFlagged> {

    @Inject
    ModerationService moderation;

    @Override
    public EventContract<MessageFlagged> contract() {
        return Events.MESSAGE_FLAGGED;
    }

    @Override
    public void on(MessageFlagged data, ReceivedEvent event) {
        moderation.strike(data);
    }
}
