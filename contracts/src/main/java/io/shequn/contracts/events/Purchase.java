package io.shequn.contracts.events;

import io.shequn.contracts.EventData;

import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * {@code purchase}: a member bought something in an external shop. {@code amount} is the order
 * total in minor units of the ISO 4217 {@code currency}; {@code groupId} and {@code inviteCode}
 * attribute the sale to a group when the shop knows it, and an item of sku
 * {@code group-entry:<groupId>} pays that group's entry fee. Keyed by member, because a purchase
 * need not belong to any group.
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

    /** The sku of an order line that pays a group's entry fee: this prefix, then the group id. */
    public static final String ENTRY_FEE_SKU_PREFIX = "group-entry:";

    @Override
    public UUID aggregateId() {
        return memberId;
    }

    /** The group whose entry fee the order pays: the first item with an entry-fee sku naming a group id. */
    public Optional<UUID> entryFeeGroup() {
        return items == null ? Optional.empty() : items.stream().map(Item::entryFeeGroup).flatMap(Optional::stream).findFirst();
    }

    /** One order line; {@code unitAmount} is in minor units of the order's currency. */
    public record Item(String sku, int quantity, long unitAmount) {

        /** The group named by an entry-fee sku ({@code group-entry:<groupId>}), if this is one. */
        public Optional<UUID> entryFeeGroup() {
            if (sku == null || !sku.startsWith(ENTRY_FEE_SKU_PREFIX)) {
                return Optional.empty();
            }
            try {
                return Optional.of(UUID.fromString(sku.substring(ENTRY_FEE_SKU_PREFIX.length())));
            } catch (IllegalArgumentException e) {
                return Optional.empty();
            }
        }
    }
}
