package io.shequn.analytics.activity;

import io.shequn.analytics.kols.InfluenceRollup;
import io.shequn.contracts.EventContract;
import io.shequn.contracts.Events;
import io.shequn.contracts.events.MessagePosted;
import io.shequn.platform.inbox.InboxListener;
import io.shequn.platform.inbox.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;

/**
 * A message (from the API or a chat bridge) makes its author active that day, if the author has
 * joined the group; one from someone who has not is held apart by {@link OutsideMessages} until
 * they do (docs/analytics.md, "Messages from non-members").
 */
@ApplicationScoped
public class MessagePostedListener implements InboxListener<MessagePosted> {

    @Inject
    GroupCalendar calendar;

    @Inject
    ActivityRollup rollup;

    @Inject
    InfluenceRollup influence;

    @Inject
    OutsideMessages outside;

    @Override
    public EventContract<MessagePosted> contract() {
        return Events.MESSAGE_POSTED;
    }

    @Override
    public void on(MessagePosted data, ReceivedEvent event) {
        onBatch(List.of(new Delivery<>(data, event)));
    }

    @Override
    public void onBatch(List<Delivery<MessagePosted>> deliveries) {
        Set<List<UUID>> authors = new LinkedHashSet<>();
        deliveries.forEach(d -> authors.add(List.of(d.data().groupId(), d.data().memberId())));
        Set<List<UUID>> joined = outside.joined(authors);
        List<OutsideMessages.Timed> timed = deliveries.stream().map(d -> new OutsideMessages.Timed(d.data(), d.event().time())).toList();
        outside.hold(timed.stream().filter(t -> !joined.contains(List.of(t.message().groupId(), t.message().memberId()))).toList());
        count(timed.stream().filter(t -> joined.contains(List.of(t.message().groupId(), t.message().memberId()))).toList());
    }

    /** The member's first member-joined (or member-left) of the group: what they said there before now counts. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void authorJoined(UUID group, UUID member) {
        count(outside.release(group, member));
    }

    /** A bridge may send the same message again under a new event id: the message id decides what counts. */
    private void count(List<OutsideMessages.Timed> messages) {
        if (messages.isEmpty()) {
            return;
        }
        List<InfluenceRollup.Posted> fresh = influence.messages(messages.stream()
                .map(t -> new InfluenceRollup.Posted(t.message(), t.at(), calendar.dayOf(t.message().groupId(), t.at()))).toList());
        rollup.activities(fresh.stream().map(p -> new ActivityRollup.Activity(p.message().groupId(), p.message().memberId(),
                p.at(), p.day(), ActivityRollup.Counter.MESSAGES)).toList());
    }
}
