package io.shequn.analytics.activity;

import io.shequn.contracts.EventContract;
import io.shequn.contracts.Events;
import io.shequn.contracts.events.RedPacketGrabbed;
import io.shequn.platform.inbox.InboxListener;
import io.shequn.platform.inbox.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Grabbing a red packet makes the member active that day. */
@ApplicationScoped
public class RedPacketGrabbedListener implements InboxListener<RedPacketGrabbed> {

    @Inject
    GroupCalendar calendar;

    @Inject
    ActivityRollup rollup;

    @Override
    public EventContract<RedPacketGrabbed> contract() {
        return Events.RED_PACKET_GRABBED;
    }

    @Override
    public void on(RedPacketGrabbed data, ReceivedEvent event) {
        rollup.activity(data.groupId(), data.memberId(), event.time(), calendar.dayOf(data.groupId(), event.time()), ActivityRollup.Counter.RED_PACKETS);
    }
}
