package io.shequn.analytics.kols;

import io.shequn.analytics.activity.GroupCalendar;
import io.shequn.analytics.groups.DayWindow;
import io.shequn.analytics.revenue.Revenue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.shequn.analytics.activity.SqlValues.number;

/**
 * The members with the most influence in a group over a window (docs/analytics.md, "KOL
 * influence"). Reads per-member-per-day rows of the window only, and scores and ranks them in the
 * database.
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

    @Inject
    GroupCalendar calendar;

    public record Kol(UUID memberId, long score, long messages, long repliesReceived, long distinctRepliers,
                      long referredMembers, long referredPurchases, List<Revenue> referredRevenue) {
    }

    /**
     * Scores every member with influence in the window and keeps the best {@code limit} in the
     * database: what leaves it is one row per KOL shown, however many members posted.
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Kol> top(UUID group, DayWindow window, int limit) {
        ZoneId zone = calendar.zoneOf(group);
        List<Object[]> top = entityManager.createNativeQuery("""
                        with parts as (
                            select member_id, sum(messages) as messages, sum(replies_received) as replies, 0 as repliers, 0 as referred, 0 as purchases
                            from member_influence_day where group_id = :group and day between :from and :to group by member_id
                            union all
                            select member_id, 0, 0, count(distinct replier_id), 0, 0
                            from reply_pair_day where group_id = :group and day between :from and :to group by member_id
                            union all
                            select inviter_id, 0, 0, 0, count(*), 0 from group_membership
                            where group_id = :group and inviter_id is not null and first_joined_at >= :start and first_joined_at < :end
                            group by inviter_id
                            union all
                            select inviter_id, 0, 0, 0, 0, sum(purchases) from referred_revenue_day
                            where group_id = :group and day between :from and :to group by inviter_id having sum(purchases) > 0)
                        select member_id, sum(messages), sum(replies), sum(repliers), sum(referred), sum(purchases),
                               :messagePoints * sum(messages) + :replyPoints * sum(replies) + :replierPoints * sum(repliers)
                               + :memberPoints * sum(referred) + :purchasePoints * sum(purchases) as score
                        from parts group by member_id order by score desc, member_id limit :limit""")
                .setParameter("group", group).setParameter("from", window.from()).setParameter("to", window.to())
                .setParameter("start", window.start(zone)).setParameter("end", window.end(zone))
                .setParameter("messagePoints", MESSAGE_POINTS).setParameter("replyPoints", REPLY_POINTS)
                .setParameter("replierPoints", REPLIER_POINTS).setParameter("memberPoints", REFERRED_MEMBER_POINTS)
                .setParameter("purchasePoints", REFERRED_PURCHASE_POINTS).setParameter("limit", limit)
                .getResultList();
        Map<UUID, List<Revenue>> revenue = new HashMap<>();
        if (!top.isEmpty()) {
            for (Object[] row : (List<Object[]>) entityManager.createNativeQuery("""
                            select inviter_id, currency, sum(purchases), sum(amount) from referred_revenue_day
                            where group_id = :group and day between :from and :to and inviter_id in (:members)
                            group by inviter_id, currency having sum(purchases) > 0 order by currency""")
                    .setParameter("group", group).setParameter("from", window.from()).setParameter("to", window.to())
                    .setParameter("members", top.stream().map(row -> (UUID) row[0]).toList())
                    .getResultList()) {
                revenue.computeIfAbsent((UUID) row[0], m -> new ArrayList<>()).add(Revenue.fromRow(row, 1));
            }
        }
        return top.stream()
                .map(row -> new Kol((UUID) row[0], number(row[6]), number(row[1]), number(row[2]), number(row[3]), number(row[4]), number(row[5]),
                        List.copyOf(revenue.getOrDefault((UUID) row[0], List.of()))))
                .toList();
    }
}
