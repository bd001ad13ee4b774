package io.shequn.analytics.activity;

import io.shequn.analytics.kols.InfluenceRollup;
import io.shequn.contracts.EventContract;
import io.shequn.contracts.Events;
import io.shequn.contracts.events.MessagePosted;
import io.shequn.platform.inbox.InboxListener;
import io.shequn.platform.inbox.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.LocalDate;

/** A message (from the API or a chat bridge) makes its author active that day. */
@ApplicationScoped
public class MessagePostedListener implements InboxListener<MessagePosted> {

    @Inject
    GroupCalendar calendar;

    @Inject
    ActivityRollup rollup;

    @Inject
    InfluenceRollup influence;

    @Override
    public EventContract<MessagePosted> contract() {
        return Events.MESSAGE_POSTED;
    }

    @Override
    public void on(MessagePosted data, ReceivedEvent event) {
        LocalDate day = calendar.dayOf(data.groupId(), event.time());
        // A bridge may send the same message again under a new event id: the message id decides.
        if (influence.message(data, day)) {
            rollup.activity(data.groupId(), data.memberId(), event.time(), day, ActivityRollup.Counter.MESSAGES);
        }
    }
}
