package io.shequn.analytics.activity;

import io.shequn.contracts.EventContract;
import io.shequn.contracts.Events;
import io.shequn.contracts.events.ActivityAttended;
import io.shequn.platform.inbox.InboxListener;
import io.shequn.platform.inbox.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** Attending an activity makes the member active that day. */
@ApplicationScoped
public class ActivityAttendedListener implements InboxListener<ActivityAttended> {

    @Inject
    GroupCalendar calendar;

    @Inject
    ActivityRollup rollup;

    @Override
    public EventContract<ActivityAttended> contract() {
        return Events.ACTIVITY_ATTENDED;
    }

    @Override
    public void on(ActivityAttended data, ReceivedEvent event) {
        rollup.activity(data.groupId(), data.memberId(), event.time(), calendar.dayOf(data.groupId(), event.time()), ActivityRollup.Counter.ATTENDANCES);
    }
}
