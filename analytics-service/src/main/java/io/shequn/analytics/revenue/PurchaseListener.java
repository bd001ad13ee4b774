package io.shequn.analytics.revenue;

import io.shequn.contracts.EventContract;
import io.shequn.contracts.Events;
import io.shequn.contracts.events.Purchase;
import io.shequn.platform.inbox.InboxListener;
import io.shequn.platform.inbox.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

/**
 * A purchase from a shop: credited to the group it names (in groupId or an entry-fee sku), else to the group of the buyer's last
 * touch within 7 days, else to nobody (still in the totals); an order counts once however often
 * the shop sends it. The rules live in {@link Attribution}.
 */
@ApplicationScoped
public class PurchaseListener implements InboxListener<Purchase> {

    @Inject
    Attribution attribution;

    @Override
    public EventContract<Purchase> contract() {
        return Events.PURCHASE;
    }

    @Override
    public void on(Purchase data, ReceivedEvent event) {
        attribution.purchase(data, event.time());
    }
}
