package io.shequn.group.admission;

import io.shequn.contracts.EventContract;
import io.shequn.contracts.Events;
import io.shequn.contracts.events.Purchase;
import io.shequn.platform.inbox.InboxListener;
import io.shequn.platform.inbox.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

import java.util.HashMap;
import java.util.Map;
import java.util.UUID;

/** Entry fees: order lines with sku {@code group-entry:<groupId>} pay for that group's PAID admission. */
@ApplicationScoped
public class PurchaseListener implements InboxListener<Purchase> {

    private static final Logger LOG = Logger.getLogger(PurchaseListener.class);

    @Inject
    PaidEntries paidEntries;

    @Override
    public EventContract<Purchase> contract() {
        return Events.PURCHASE;
    }

    @Override
    public void on(Purchase data, ReceivedEvent event) {
        if (data.items() == null) {
            return;
        }
        Map<UUID, Long> paidPerGroup = new HashMap<>();
        for (Purchase.Item item : data.items()) {
            if (!item.sku().startsWith(Purchase.ENTRY_FEE_SKU_PREFIX)) {
                continue;
            }
            UUID groupId = item.entryFeeGroup().orElse(null);
            if (groupId == null) {
                LOG.warnf("Order %s has an entry sku without a group id: %s", data.orderId(), item.sku());
                continue;
            }
            long line = Math.multiplyExact((long) item.quantity(), item.unitAmount());
            paidPerGroup.merge(groupId, line, Math::addExact);
        }
        paidPerGroup.forEach((groupId, amount) ->
                paidEntries.recordPayment(data.orderId(), groupId, data.memberId(), amount, data.currency(),
                        data.purchasedAt()));
    }
}
