package io.shequn.analytics.revenue;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** GMV per currency: of a group over a window of days, or of the whole suite. */
@ApplicationScoped
public class RevenueQueries {

    @Inject
    EntityManager entityManager;

    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public List<Revenue> ofGroup(UUID group, LocalDate from, LocalDate to) {
        return ((List<Object[]>) entityManager.createNativeQuery("""
                        select currency, sum(purchases), sum(amount) from group_revenue_day
                        where group_id = :group and day between :from and :to group by currency having sum(purchases) > 0 order by currency""")
                .setParameter("group", group).setParameter("from", from).setParameter("to", to)
                .getResultList()).stream().map(row -> Revenue.fromRow(row, 0)).toList();
    }

    /** Revenue of a group's purchases whose buyer was invited into it, per currency. */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public List<Revenue> referredOfGroup(UUID group, LocalDate from, LocalDate to) {
        return ((List<Object[]>) entityManager.createNativeQuery("""
                        select currency, sum(purchases), sum(amount) from referred_revenue_day
                        where group_id = :group and day between :from and :to group by currency having sum(purchases) > 0 order by currency""")
                .setParameter("group", group).setParameter("from", from).setParameter("to", to)
                .getResultList()).stream().map(row -> Revenue.fromRow(row, 0)).toList();
    }

    /** Every recorded purchase, attributed or not. */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public List<Revenue> total() {
        return ((List<Object[]>) entityManager.createNativeQuery(
                        "select currency, count(*), sum(amount) from purchase_attribution group by currency order by currency")
                .getResultList()).stream().map(row -> Revenue.fromRow(row, 0)).toList();
    }
}
