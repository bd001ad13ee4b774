package io.shequn.analytics.activity;

import io.shequn.analytics.campaigns.CampaignRollup;
import io.shequn.contracts.EventContract;
import io.shequn.contracts.Events;
import io.shequn.contracts.events.RedPacketGrabbed;
import io.shequn.platform.inbox.InboxListener;
import io.shequn.platform.inbox.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/** Grabbing a red packet makes the member active that day, and a participant of the packet's campaign. */
@ApplicationScoped
public class RedPacketGrabbedListener implements InboxListener<RedPacketGrabbed> {

    @Inject
    GroupCalendar calendar;

    @Inject
    ActivityRollup rollup;

    @Inject
    CampaignRollup campaigns;

    @Override
    public EventContract<RedPacketGrabbed> contract() {
        return Events.RED_PACKET_GRABBED;
    }

    @Override
    public void on(RedPacketGrabbed data, ReceivedEvent event) {
        onBatch(List.of(new Delivery<>(data, event)));
    }

    @Override
    public void onBatch(List<Delivery<RedPacketGrabbed>> deliveries) {
        rollup.activities(deliveries.stream().map(d -> new ActivityRollup.Activity(d.data().groupId(), d.data().memberId(), d.event().time(),
                calendar.dayOf(d.data().groupId(), d.event().time()), ActivityRollup.Counter.RED_PACKETS)).toList());
        campaigns.took(deliveries.stream().map(d -> new CampaignRollup.Participation(d.data().packetId(), d.data().groupId(),
                d.data().memberId(), d.event().time())).toList());
    }
}
