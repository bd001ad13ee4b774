package io.shequn.analytics.activity;

import io.shequn.contracts.EventContract;
import io.shequn.contracts.Events;
import io.shequn.contracts.events.CheckedIn;
import io.shequn.platform.inbox.InboxListener;
import io.shequn.platform.inbox.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/** A check-in makes the member active on the day engagement-service counted it for (already in the group's time zone). */
@ApplicationScoped
public class CheckedInListener implements InboxListener<CheckedIn> {

    @Inject
    ActivityRollup rollup;

    @Override
    public EventContract<CheckedIn> contract() {
        return Events.CHECKED_IN;
    }

    @Override
    public void on(CheckedIn data, ReceivedEvent event) {
        onBatch(List.of(new Delivery<>(data, event)));
    }

    @Override
    public void onBatch(List<Delivery<CheckedIn>> deliveries) {
        rollup.activities(deliveries.stream().map(d -> new ActivityRollup.Activity(d.data().groupId(), d.data().memberId(), d.event().time(),
                d.data().day(), ActivityRollup.Counter.CHECK_INS)).toList());
    }
}
