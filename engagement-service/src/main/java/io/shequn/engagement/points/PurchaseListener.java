package io.shequn.engagement.points;

import io.shequn.contracts.EventContract;
import io.shequn.contracts.Events;
import io.shequn.contracts.events.Purchase;
import io.shequn.platform.inbox.InboxListener;
import io.shequn.platform.inbox.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/** {@code purchase} from shops: the buyer earns points per currency unit. */
@ApplicationScoped
public class PurchaseListener implements InboxListener<Purchase> {

    @Inject
    EarningFromEvents earning;

    @Override
    public EventContract<Purchase> contract() {
        return Events.PURCHASE;
    }

    @Override
    public void on(Purchase data, ReceivedEvent event) {
        earning.purchased(data);
    }
}
