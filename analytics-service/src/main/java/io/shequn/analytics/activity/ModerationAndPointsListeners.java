package io.shequn.analytics.activity;

import io.shequn.contracts.EventContract;
import io.shequn.contracts.Events;
import io.shequn.contracts.events.MessageFlagged;
import io.shequn.contracts.events.PointsChanged;
import io.shequn.platform.inbox.InboxListener;
import io.shequn.platform.inbox.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * Daily counters that do not make anyone active: flagged messages (moderation load) and points
 * awarded in a group (the sum of positive deltas; spending is not activity and not counted).
 */
public final class ModerationAndPointsListeners {

    private ModerationAndPointsListeners() {
    }

    @ApplicationScoped
    public static class Flagged implements InboxListener<MessageFlagged> {

        @Inject
        GroupCalendar calendar;

        @Inject
        ActivityRollup rollup;

        @Override
        public EventContract<MessageFlagged> contract() {
            return Events.MESSAGE_FLAGGED;
        }

        @Override
        public void on(MessageFlagged data, ReceivedEvent event) {
            rollup.add(data.groupId(), calendar.dayOf(data.groupId(), event.time()), ActivityRollup.Counter.FLAGGED, 1);
        }
    }

    @ApplicationScoped
    public static class Points implements InboxListener<PointsChanged> {

        @Inject
        GroupCalendar calendar;

        @Inject
        ActivityRollup rollup;

        @Override
        public EventContract<PointsChanged> contract() {
            return Events.POINTS_CHANGED;
        }

        @Override
        public void on(PointsChanged data, ReceivedEvent event) {
            if (data.groupId() == null || data.delta() <= 0) {
                return;
            }
            rollup.add(data.groupId(), calendar.dayOf(data.groupId(), event.time()), ActivityRollup.Counter.POINTS_AWARDED, data.delta());
        }
    }
}
