package io.shequn.analytics.kols;

import io.shequn.analytics.groups.DayWindow;
import io.shequn.analytics.revenue.Revenue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.shequn.analytics.activity.SqlValues.number;

/**
 * The members with the most influence in a group over a window (docs/analytics.md, "KOL
 * influence"). Reads per-member-per-day rows of the window only.
 */
@ApplicationScoped
public class KolQueries {

    static final int MESSAGE_POINTS = 1;
    static final int REPLY_POINTS = 2;
    static final int REPLIER_POINTS = 3;
    static final int REFERRED_MEMBER_POINTS = 10;
    static final int REFERRED_PURCHASE_POINTS = 5;

    @Inject
    EntityManager entityManager;

    public record Kol(UUID memberId, long score, long messages, long repliesReceived, long distinctRepliers,
                      long referredMembers, long referredPurchases, List<Revenue> referredRevenue) {
    }

    private static final class Tally {
        long messages;
        long replies;
        long repliers;
        long referredMembers;
        long referredPurchases;
        final List<Revenue> revenue = new ArrayList<>();

        long score() {
            return MESSAGE_POINTS * messages + REPLY_POINTS * replies + REPLIER_POINTS * repliers
                    + REFERRED_MEMBER_POINTS * referredMembers + REFERRED_PURCHASE_POINTS * referredPurchases;
        }
    }

    @Transactional
    @SuppressWarnings("unchecked")
    public List<Kol> top(UUID group, DayWindow window, int limit) {
        Map<UUID, Tally> tallies = new HashMap<>();
        for (Object[] row : rows("""
                select member_id, sum(messages), sum(replies_received) from member_influence_day
                where group_id = :group and day between :from and :to group by member_id""", group, window)) {
            Tally tally = tallies.computeIfAbsent((UUID) row[0], m -> new Tally());
            tally.messages = number(row[1]);
            tally.replies = number(row[2]);
        }
        for (Object[] row : rows("""
                select member_id, count(distinct replier_id) from reply_pair_day
                where group_id = :group and day between :from and :to group by member_id""", group, window)) {
            tallies.computeIfAbsent((UUID) row[0], m -> new Tally()).repliers = number(row[1]);
        }
        for (Object[] row : rows("""
                select inviter_id, sum(joins) from group_inviter_day
                where group_id = :group and day between :from and :to group by inviter_id having sum(joins) > 0""", group, window)) {
            tallies.computeIfAbsent((UUID) row[0], m -> new Tally()).referredMembers = number(row[1]);
        }
        for (Object[] row : rows("""
                select inviter_id, currency, sum(purchases), sum(amount) from referred_revenue_day
                where group_id = :group and day between :from and :to group by inviter_id, currency
                having sum(purchases) > 0 order by currency""", group, window)) {
            Tally tally = tallies.computeIfAbsent((UUID) row[0], m -> new Tally());
            tally.referredPurchases += number(row[2]);
            tally.revenue.add(Revenue.fromRow(row, 1));
        }
        return tallies.entrySet().stream()
                .map(e -> new Kol(e.getKey(), e.getValue().score(), e.getValue().messages, e.getValue().replies, e.getValue().repliers,
                        e.getValue().referredMembers, e.getValue().referredPurchases, List.copyOf(e.getValue().revenue)))
                .sorted(Comparator.comparingLong(Kol::score).reversed().thenComparing(Kol::memberId))
                .limit(limit)
                .toList();
    }

    @SuppressWarnings("unchecked")
    private List<Object[]> rows(String sql, UUID group, DayWindow window) {
        return entityManager.createNativeQuery(sql)
                .setParameter("group", group).setParameter("from", window.from()).setParameter("to", window.to())
                .getResultList();
    }
}
