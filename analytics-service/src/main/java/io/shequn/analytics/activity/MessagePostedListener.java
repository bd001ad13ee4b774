package io.shequn.analytics.activity;

import io.shequn.analytics.kols.InfluenceRollup;
import io.shequn.contracts.EventContract;
import io.shequn.contracts.Events;
import io.shequn.contracts.events.MessagePosted;
import io.shequn.platform.inbox.InboxListener;
import io.shequn.platform.inbox.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

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
        onBatch(List.of(new Delivery<>(data, event)));
    }

    /** A bridge may send the same message again under a new event id: the message id decides what counts. */
    @Override
    public void onBatch(List<Delivery<MessagePosted>> deliveries) {
        List<InfluenceRollup.Posted> fresh = influence.messages(deliveries.stream()
                .map(d -> new InfluenceRollup.Posted(d.data(), calendar.dayOf(d.data().groupId(), d.event().time()))).toList());
        Map<UUID, Instant> times = new HashMap<>();
        deliveries.forEach(d -> times.putIfAbsent(d.data().messageId(), d.event().time()));
        rollup.activities(fresh.stream().map(p -> new ActivityRollup.Activity(p.message().groupId(), p.message().memberId(),
                times.get(p.message().messageId()), p.day(), ActivityRollup.Counter.MESSAGES)).toList());
    }
}
