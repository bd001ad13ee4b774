package io.shequn.analytics.campaigns;

import io.shequn.contracts.EventContract;
import io.shequn.contracts.Events;
import io.shequn.contracts.events.ActivityScheduled;
import io.shequn.contracts.events.ActivityStatus;
import io.shequn.contracts.events.LotteryDrawn;
import io.shequn.contracts.events.LotteryEntered;
import io.shequn.contracts.events.RedPacketSent;
import io.shequn.platform.inbox.InboxListener;
import io.shequn.platform.inbox.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/**
 * The campaigns: a red packet at its sending, a lottery at its draw, an activity at its start
 * (as last scheduled). Grabs and attendances are recorded as participations by the activity
 * listeners of their topics; lottery entries here.
 */
public final class CampaignListeners {

    private CampaignListeners() {
    }

    @ApplicationScoped
    public static class Sent implements InboxListener<RedPacketSent> {

        @Inject
        CampaignRollup campaigns;

        @Override
        public EventContract<RedPacketSent> contract() {
            return Events.RED_PACKET_SENT;
        }

        @Override
        public void on(RedPacketSent data, ReceivedEvent event) {
            campaigns.happened(data.packetId(), data.groupId(), CampaignRollup.Kind.RED_PACKET, null, event.time());
        }
    }

    @ApplicationScoped
    public static class Drawn implements InboxListener<LotteryDrawn> {

        @Inject
        CampaignRollup campaigns;

        @Override
        public EventContract<LotteryDrawn> contract() {
            return Events.LOTTERY_DRAWN;
        }

        @Override
        public void on(LotteryDrawn data, ReceivedEvent event) {
            campaigns.happened(data.lotteryId(), data.groupId(), CampaignRollup.Kind.LOTTERY, data.title(), event.time());
        }
    }

    @ApplicationScoped
    public static class Entered implements InboxListener<LotteryEntered> {

        @Inject
        CampaignRollup campaigns;

        @Override
        public EventContract<LotteryEntered> contract() {
            return Events.LOTTERY_ENTERED;
        }

        @Override
        public void on(LotteryEntered data, ReceivedEvent event) {
            campaigns.took(List.of(new CampaignRollup.Participation(data.lotteryId(), data.groupId(), data.memberId(), event.time())));
        }
    }

    @ApplicationScoped
    public static class Scheduled implements InboxListener<ActivityScheduled> {

        @Inject
        CampaignRollup campaigns;

        @Override
        public EventContract<ActivityScheduled> contract() {
            return Events.ACTIVITY_SCHEDULED;
        }

        @Override
        public void on(ActivityScheduled data, ReceivedEvent event) {
            campaigns.scheduled(data.activityId(), data.groupId(), data.title(), data.startsAt(), data.status() == ActivityStatus.CANCELLED,
                    data.version());
        }
    }
}
