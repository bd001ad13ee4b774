package io.shequn.analytics.activity;

import io.shequn.analytics.campaigns.CampaignRollup;
import io.shequn.contracts.EventContract;
import io.shequn.contracts.Events;
import io.shequn.contracts.events.ActivityAttended;
import io.shequn.platform.inbox.InboxListener;
import io.shequn.platform.inbox.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/** Attending an activity makes the member active that day, and a participant of the activity's campaign. */
@ApplicationScoped
public class ActivityAttendedListener implements InboxListener<ActivityAttended> {

    @Inject
    GroupCalendar calendar;

    @Inject
    ActivityRollup rollup;

    @Inject
    CampaignRollup campaigns;

    @Override
    public EventContract<ActivityAttended> contract() {
        return Events.ACTIVITY_ATTENDED;
    }

    @Override
    public void on(ActivityAttended data, ReceivedEvent event) {
        onBatch(List.of(new Delivery<>(data, event)));
    }

    @Override
    public void onBatch(List<Delivery<ActivityAttended>> deliveries) {
        rollup.activities(deliveries.stream().map(d -> new ActivityRollup.Activity(d.data().groupId(), d.data().memberId(), d.event().time(),
                calendar.dayOf(d.data().groupId(), d.event().time()), ActivityRollup.Counter.ATTENDANCES)).toList());
        campaigns.took(deliveries.stream().map(d -> new CampaignRollup.Participation(d.data().activityId(), d.data().groupId(),
                d.data().memberId(), d.event().time())).toList());
    }
}
