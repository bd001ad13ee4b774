package io.shequn.analytics.revenue;

import io.shequn.analytics.activity.GroupCalendar;
import io.shequn.contracts.EventContract;
import io.shequn.contracts.Events;
import io.shequn.contracts.events.Purchase;
import io.shequn.platform.inbox.InboxListener;
import io.shequn.platform.inbox.ReceivedEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

/**
 * Credits each purchase (from a shop) to a group: the group it names; otherwise the group where
 * the buyer was most recently active in the 7 days before buying; otherwise nobody (it still
 * counts in the totals). An order counts once, however often the shop sends it.
 */
@ApplicationScoped
public class PurchaseListener implements InboxListener<Purchase> {

    static final Duration LAST_TOUCH_WINDOW = Duration.ofDays(7);

    @Inject
    EntityManager entityManager;

    @Inject
    GroupCalendar calendar;

    @Override
    public EventContract<Purchase> contract() {
        return Events.PURCHASE;
    }

    @Override
    public void on(Purchase data, ReceivedEvent event) {
        Instant at = event.time();
        UUID group = data.groupId();
        String rule = "NAMED";
        if (group == null) {
            List<?> touches = entityManager.createNativeQuery("""
                            select group_id from member_touch where member_id = :member and at <= :at and at > :since
                            order by at desc limit 1""")
                    .setParameter("member", data.memberId()).setParameter("at", at).setParameter("since", at.minus(LAST_TOUCH_WINDOW))
                    .getResultList();
            group = touches.isEmpty() ? null : (UUID) touches.get(0);
            rule = group == null ? "UNATTRIBUTED" : "LAST_TOUCH";
        }
        int recorded = entityManager.createNativeQuery("""
                        insert into purchase_attribution (order_id, member_id, group_id, rule, amount, currency, purchased_at)
                        values (:order, :member, :group, :rule, :amount, :currency, :at) on conflict (order_id) do nothing""")
                .setParameter("order", data.orderId()).setParameter("member", data.memberId())
                .setParameter("group", group).setParameter("rule", rule).setParameter("amount", data.amount())
                .setParameter("currency", data.currency()).setParameter("at", at)
                .executeUpdate();
        if (recorded == 1 && group != null) {
            entityManager.createNativeQuery("""
                            insert into group_revenue_day (group_id, day, currency, purchases, amount) values (:group, :day, :currency, 1, :amount)
                            on conflict (group_id, day, currency) do update
                            set purchases = group_revenue_day.purchases + 1, amount = group_revenue_day.amount + excluded.amount""")
                    .setParameter("group", group).setParameter("day", calendar.dayOf(group, at))
                    .setParameter("currency", data.currency()).setParameter("amount", data.amount())
                    .executeUpdate();
        }
    }
}
