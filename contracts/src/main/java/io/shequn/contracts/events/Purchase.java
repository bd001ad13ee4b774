package io.shequn.contracts.events;

import io.shequn.contracts.EventData;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * {@code purchase}: a member bought something in an external shop. {@code amount} is the order
 * total in minor units of the ISO 4217 {@code currency}; {@code groupId} and {@code inviteCode}
 * attribute the sale to a group when the shop knows it. Keyed by member, because a purchase need
 * not belong to any group.
 */
public record Purchase(
        UUID orderId,
        UUID memberId,
        long amount,
        String currency,
        List<Item> items,
        UUID groupId,
        String inviteCode,
        Instant purchasedAt) implements EventData {

    public Purchase {
        // Optional: null (the shop did not say) stays distinct from an empty order.
        items = items == null ? null : List.copyOf(items);
    }

    @Override
    public UUID aggregateId() {
        return memberId;
    }

    /** One order line; {@code unitAmount} is in minor units of the order's currency. */
    public record Item(String sku, int quantity, long unitAmount) {
    }
}
