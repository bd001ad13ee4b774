package io.shequn.engagement.messages;

import io.shequn.contracts.EventContract;
import io.shequn.contracts.Events;
import io.shequn.contracts.events.MessagePosted;
import io.shequn.platform.inbox.InboxListener;
import io.shequn.platform.inbox.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * {@code message-posted} from chat bridges. Our own events on the topic (messages posted through
 * the API) were stored, moderated and rewarded when posted, so they are skipped.
 */
@ApplicationScoped
public class MessagePostedListener implements InboxListener<MessagePosted> {

    @Inject
    MessageService messages;

    @Override
    public EventContract<MessagePosted> contract() {
        return Events.MESSAGE_POSTED;
    }

    @Override
    public void on(MessagePosted data, ReceivedEvent event) {
        if (MessageService.API_SOURCE.equals(event.source())) {
            return;
        }
        messages.received(data, event);
    }
}
