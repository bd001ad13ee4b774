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
 * influence"). Reads the per-member-per-day rows of the window: the additive parts of every
 * member active in it, the distinct repliers of the few who can reach the list (see {@link #TOP}).
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

    /**
     * Every part of the score but the distinct repliers adds up over days; those lie between 0 and
     * the replies received (each replier replied at least once). So the limit-th best score without
     * them is a bar that every member of the list reaches, and only the members whose score with
     * the most repliers they could have reaches the bar need their distinct repliers counted. The
     * members tied with the last one are all returned, for the list's own order by member id.
     */
    private static final String TOP = """
            with influence as (
                     select member_id, sum(messages) as messages, sum(replies_received) as replies from member_influence_day
                     where group_id = :group and day between :from and :to group by member_id),
                 invited as (
                     select inviter_id as member_id, sum(joins) as referred from group_inviter_day
                     where group_id = :group and day between :from and :to group by inviter_id having sum(joins) > 0),
                 bought as (
                     select member_id, sum(purchases) as purchases from (
                         select inviter_id as member_id, sum(purchases) as purchases from referred_revenue_day
                         where group_id = :group and day between :from and :to group by inviter_id, currency having sum(purchases) > 0) c
                     group by member_id),
                 tally as (
                     select member_id, coalesce(i.messages, 0) as messages, coalesce(i.replies, 0) as replies,
                            coalesce(v.referred, 0) as referred, coalesce(b.purchases, 0) as purchases,
                            coalesce(i.messages, 0) * :messagePoints + coalesce(i.replies, 0) * :replyPoints
                            + coalesce(v.referred, 0) * :referredPoints + coalesce(b.purchases, 0) * :purchasePoints as additive
                     from influence i full join invited v using (member_id) full join bought b using (member_id)),
                 bar as (
                     select case when count(*) < :limit then -1 else min(additive) end as low
                     from (select additive from tally order by additive desc limit :limit) best),
                 candidates as (select t.* from tally t, bar where t.additive + t.replies * :replierPoints >= bar.low),
                 repliers as (
                     select p.member_id, count(distinct p.replier_id) as repliers
                     from candidates c join reply_pair_day p on p.group_id = :group and p.member_id = c.member_id and p.day between :from and :to
                     group by p.member_id)
            select c.member_id, c.messages, c.replies, coalesce(r.repliers, 0), c.referred, c.purchases,
                   c.additive + coalesce(r.repliers, 0) * :replierPoints as score
            from candidates c left join repliers r on r.member_id = c.member_id
            order by score desc fetch first (:limit) rows with ties""";

    @Transactional
    @SuppressWarnings("unchecked")
    public List<Kol> top(UUID group, DayWindow window, int limit) {
        List<Object[]> best = entityManager.createNativeQuery(TOP)
                .setParameter("group", group).setParameter("from", window.from()).setParameter("to", window.to())
                .setParameter("limit", limit).setParameter("messagePoints", MESSAGE_POINTS).setParameter("replyPoints", REPLY_POINTS)
                .setParameter("replierPoints", REPLIER_POINTS).setParameter("referredPoints", REFERRED_MEMBER_POINTS)
                .setParameter("purchasePoints", REFERRED_PURCHASE_POINTS)
                .getResultList();
        if (best.isEmpty()) {
            return List.of();
        }
        Map<UUID, List<Revenue>> revenue = new HashMap<>();
        for (Object[] row : (List<Object[]>) entityManager.createNativeQuery("""
                        select inviter_id, currency, sum(purchases), sum(amount) from referred_revenue_day
                        where group_id = :group and day between :from and :to and inviter_id in (:members) group by inviter_id, currency
                        having sum(purchases) > 0 order by currency""")
                .setParameter("group", group).setParameter("from", window.from()).setParameter("to", window.to())
                .setParameter("members", best.stream().map(row -> (UUID) row[0]).toList())
                .getResultList()) {
            revenue.computeIfAbsent((UUID) row[0], m -> new ArrayList<>()).add(Revenue.fromRow(row, 1));
        }
        return best.stream()
                .map(row -> new Kol((UUID) row[0], number(row[6]), number(row[1]), number(row[2]), number(row[3]), number(row[4]),
                        number(row[5]), List.copyOf(revenue.getOrDefault((UUID) row[0], List.of()))))
                .sorted(Comparator.comparingLong(Kol::score).reversed().thenComparing(Kol::memberId))
                .limit(limit)
                .toList();
    }
}
