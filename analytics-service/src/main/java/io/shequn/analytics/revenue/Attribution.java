package io.shequn.analytics.revenue;

import io.shequn.analytics.activity.GroupCalendar;
import io.shequn.analytics.activity.SqlValues;
import io.shequn.analytics.funnel.FunnelCounts;
import io.shequn.contracts.events.Purchase;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;

/**
 * Credits each purchase to a group and to the inviter of the buyer (docs/analytics.md,
 * "Purchases"). The result depends only on which events exist, not on the order they arrive in:
 * activity or a join that turns up after the purchase moves the credit where the definition
 * puts it. That is what lets a rebuild from history reproduce the incremental answers.
 */
@ApplicationScoped
public class Attribution {

    static final Duration LAST_TOUCH_WINDOW = Duration.ofDays(7);

    public enum Rule { NAMED, LAST_TOUCH, UNATTRIBUTED }

    @Inject
    EntityManager entityManager;

    @Inject
    GroupCalendar calendar;

    @Inject
    FunnelCounts funnel;

    private record Credit(UUID order, UUID member, UUID group, UUID inviter, Instant purchasedAt, String currency, long amount) {
    }

    /**
     * Records a purchase once per order and credits it: to the group it names (its groupId, else an
     * entry-fee item's sku), else to the last touch, else to nobody.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void purchase(Purchase data, Instant at) {
        UUID group = data.groupId() != null ? data.groupId() : data.entryFeeGroup().orElse(null);
        Rule rule = Rule.NAMED;
        Instant touchAt = null;
        if (group == null) {
            List<?> touches = entityManager.createNativeQuery("""
                            select group_id, at from member_touch where member_id = :member and at <= :at and at > :since
                            order by at desc, group_id limit 1""")
                    .setParameter("member", data.memberId()).setParameter("at", at).setParameter("since", at.minus(LAST_TOUCH_WINDOW))
                    .getResultList();
            if (!touches.isEmpty()) {
                Object[] touch = (Object[]) touches.get(0);
                group = (UUID) touch[0];
                touchAt = SqlValues.instant(touch[1]);
            }
            rule = group == null ? Rule.UNATTRIBUTED : Rule.LAST_TOUCH;
        }
        UUID inviter = inviterOf(group, data.memberId());
        int recorded = entityManager.createNativeQuery("""
                        insert into purchase_attribution (order_id, member_id, group_id, rule, amount, currency, purchased_at, touch_at, inviter_id)
                        values (:order, :member, :group, :rule, :amount, :currency, :at, :touchAt, :inviter) on conflict (order_id) do nothing""")
                .setParameter("order", data.orderId()).setParameter("member", data.memberId())
                .setParameter("group", group).setParameter("rule", rule.name()).setParameter("amount", data.amount())
                .setParameter("currency", data.currency()).setParameter("at", at).setParameter("touchAt", touchAt)
                .setParameter("inviter", inviter)
                .executeUpdate();
        if (recorded == 1) {
            credit(new Credit(data.orderId(), data.memberId(), group, inviter, at, data.currency(), data.amount()), 1);
            funnel.membersChanged(new Object[] {group, data.memberId()});
        }
    }

    /**
     * The member was active in the group at {@code at}. A purchase in the 7 days after it that was
     * credited to an earlier touch (or to nobody) now belongs to this group: activity can arrive late.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public void touched(UUID member, UUID group, Instant at) {
        List<Object[]> moved = entityManager.createNativeQuery("""
                        select order_id, group_id, inviter_id, purchased_at, currency, amount from purchase_attribution
                        where member_id = :member and purchased_at >= :at and purchased_at < :until and rule <> 'NAMED'
                          and (touch_at is null or touch_at < :at or (touch_at = :at and group_id > :group))
                        for update""")
                .setParameter("member", member).setParameter("at", at).setParameter("until", at.plus(LAST_TOUCH_WINDOW))
                .setParameter("group", group)
                .getResultList();
        for (Object[] row : moved) {
            Credit old = credit(member, row);
            UUID inviter = inviterOf(group, member);
            credit(old, -1);
            entityManager.createNativeQuery("""
                            update purchase_attribution set group_id = :group, rule = 'LAST_TOUCH', touch_at = :at, inviter_id = :inviter
                            where order_id = :order""")
                    .setParameter("group", group).setParameter("at", at).setParameter("inviter", inviter).setParameter("order", old.order())
                    .executeUpdate();
            credit(new Credit(old.order(), member, group, inviter, old.purchasedAt(), old.currency(), old.amount()), 1);
            funnel.membersChanged(new Object[] {old.group(), member}, new Object[] {group, member});
        }
    }

    /** A member active in a group at a moment. */
    public record Touch(UUID member, UUID group, Instant at) {
    }

    /** {@link #touched} for each, after one query has found which of them can move a purchase at all (rarely any). */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public void touchedAll(List<Touch> touches) {
        Instant from = touches.stream().map(Touch::at).min(Instant::compareTo).orElseThrow();
        Instant until = touches.stream().map(Touch::at).max(Instant::compareTo).orElseThrow().plus(LAST_TOUCH_WINDOW);
        List<UUID> buyers = entityManager.createNativeQuery("""
                        select distinct member_id from purchase_attribution
                        where member_id in (:members) and purchased_at >= :from and purchased_at < :until and rule <> 'NAMED'""")
                .setParameter("members", touches.stream().map(Touch::member).distinct().toList())
                .setParameter("from", from).setParameter("until", until)
                .getResultList();
        if (buyers.isEmpty()) {
            return;
        }
        touches.stream().filter(touch -> buyers.contains(touch.member()))
                .forEach(touch -> touched(touch.member(), touch.group(), touch.at()));
    }

    /** The member's inviter into the group became known (or changed): their purchases there are referred revenue of that inviter. */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public void inviterKnown(UUID group, UUID member, UUID inviter) {
        List<Object[]> rows = entityManager.createNativeQuery("""
                        select order_id, group_id, inviter_id, purchased_at, currency, amount from purchase_attribution
                        where member_id = :member and group_id = :group for update""")
                .setParameter("member", member).setParameter("group", group)
                .getResultList();
        for (Object[] row : rows) {
            Credit old = credit(member, row);
            if (Objects.equals(old.inviter(), inviter)) {
                continue;
            }
            credit(old, -1);
            entityManager.createNativeQuery("update purchase_attribution set inviter_id = :inviter where order_id = :order")
                    .setParameter("inviter", inviter).setParameter("order", old.order())
                    .executeUpdate();
            credit(new Credit(old.order(), member, group, inviter, old.purchasedAt(), old.currency(), old.amount()), 1);
        }
    }

    private UUID inviterOf(UUID group, UUID member) {
        if (group == null) {
            return null;
        }
        List<?> inviters = entityManager.createNativeQuery("select inviter_id from group_membership where group_id = :group and member_id = :member")
                .setParameter("group", group).setParameter("member", member).getResultList();
        return inviters.isEmpty() ? null : (UUID) inviters.get(0);
    }

    private static Credit credit(UUID member, Object[] row) {
        return new Credit((UUID) row[0], member, (UUID) row[1], (UUID) row[2], SqlValues.instant(row[3]),
                ((String) row[4]).strip(), ((Number) row[5]).longValue());
    }

    /** Adds ({@code sign} 1) or takes back (-1) a purchase from its group's and its inviter's revenue days. */
    private void credit(Credit credit, int sign) {
        if (credit.group() == null) {
            return;
        }
        var day = calendar.dayOf(credit.group(), credit.purchasedAt());
        entityManager.createNativeQuery("""
                        insert into group_revenue_day (group_id, day, currency, purchases, amount) values (:group, :day, :currency, :purchases, :amount)
                        on conflict (group_id, day, currency) do update
                        set purchases = group_revenue_day.purchases + excluded.purchases, amount = group_revenue_day.amount + excluded.amount""")
                .setParameter("group", credit.group()).setParameter("day", day).setParameter("currency", credit.currency())
                .setParameter("purchases", sign).setParameter("amount", sign * credit.amount())
                .executeUpdate();
        if (credit.inviter() == null) {
            return;
        }
        entityManager.createNativeQuery("""
                        insert into referred_revenue_day (group_id, inviter_id, day, currency, purchases, amount)
                        values (:group, :inviter, :day, :currency, :purchases, :amount)
                        on conflict (group_id, day, inviter_id, currency) do update
                        set purchases = referred_revenue_day.purchases + excluded.purchases, amount = referred_revenue_day.amount + excluded.amount""")
                .setParameter("group", credit.group()).setParameter("inviter", credit.inviter()).setParameter("day", day)
                .setParameter("currency", credit.currency()).setParameter("purchases", sign).setParameter("amount", sign * credit.amount())
                .executeUpdate();
    }
}
