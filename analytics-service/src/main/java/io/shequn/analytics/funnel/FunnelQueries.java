package io.shequn.analytics.funnel;

import io.shequn.analytics.activity.GroupCalendar;
import io.shequn.analytics.groups.DayWindow;
import io.shequn.analytics.groups.GroupAnalytics;
import io.shequn.analytics.revenue.Revenue;
import io.shequn.analytics.revenue.RevenueQueries;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static io.shequn.analytics.activity.SqlValues.number;

/**
 * A group's conversion figures over a window of days (docs/analytics.md, "Funnel, revenue and
 * referrals"): the AARRR funnel of the members who first joined in the window, GMV with
 * conversion rate and ARPU, and the K-factor with each inviter's share.
 */
@ApplicationScoped
public class FunnelQueries {

    @Inject
    EntityManager entityManager;

    @Inject
    GroupCalendar calendar;

    @Inject
    GroupAnalytics analytics;

    @Inject
    RevenueQueries revenue;

    public record Funnel(UUID groupId, DayWindow window, long joined, long activated, long retained, long converted, long referred) {
    }

    public record GroupRevenue(UUID groupId, DayWindow window, List<Revenue> gmv, long buyers, long members,
                               double conversionRate, List<Revenue> arpu, List<Revenue> referredRevenue) {
    }

    public record Inviter(UUID memberId, long invited) {
    }

    public record Referrals(UUID groupId, DayWindow window, long invitedJoins, long activeMembers, double kFactor, List<Inviter> inviters) {
    }

    /**
     * Each step counts the cohort's members who also made every step before it: joined (first
     * join in the window) → activated (active within 7 days of joining) → retained (active on at
     * least 2 days in days 8–30 after joining) → converted (a purchase credited to the group since
     * joining) → referred (someone joined the group on their invitation). Read from the funnel's
     * running counts per day of first join (FunnelCounts): a row per day, whatever the number of members.
     */
    @Transactional
    public Funnel funnel(UUID group, DayWindow window) {
        Object[] row = (Object[]) entityManager.createNativeQuery("""
                        select coalesce(sum(joined), 0), coalesce(sum(activated), 0), coalesce(sum(retained), 0),
                               coalesce(sum(converted), 0), coalesce(sum(referred), 0)
                        from group_funnel_day where group_id = :group and day between :from and :to""")
                .setParameter("group", group).setParameter("from", window.from()).setParameter("to", window.to())
                .getSingleResult();
        return new Funnel(group, window, number(row[0]), number(row[1]), number(row[2]), number(row[3]), number(row[4]));
    }

    /** Conversion rate = distinct buyers ÷ members at the window's end; ARPU = GMV ÷ those members, per currency. */
    @Transactional
    public GroupRevenue revenue(UUID group, DayWindow window) {
        ZoneId zone = calendar.zoneOf(group);
        List<Revenue> gmv = revenue.ofGroup(group, window.from(), window.to());
        long buyers = number(entityManager.createNativeQuery("""
                        select count(distinct member_id) from purchase_attribution
                        where group_id = :group and purchased_at >= :start and purchased_at < :end""")
                .setParameter("group", group).setParameter("start", window.start(zone)).setParameter("end", window.end(zone))
                .getSingleResult());
        long members = analytics.membersOn(group, window.to());
        double conversion = members == 0 ? 0 : Math.round((double) buyers / members * 10_000) / 10_000.0;
        List<Revenue> arpu = gmv.stream()
                .map(r -> new Revenue(r.currency(), r.purchases(), members == 0 ? 0 : Math.round((double) r.amount() / members)))
                .toList();
        return new GroupRevenue(group, window, gmv, buyers, members, conversion, arpu, revenue.referredOfGroup(group, window.from(), window.to()));
    }

    /**
     * K-factor = members who first joined in the window on someone's invitation ÷ distinct members
     * active in it. Read from running counts (group_inviter_day, group_active_gap): rows per day and
     * inviter, and per day and gap, never the members.
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public Referrals referrals(UUID group, DayWindow window) {
        List<Inviter> inviters = ((List<Object[]>) entityManager.createNativeQuery("""
                        select inviter_id, sum(joins) from group_inviter_day where group_id = :group and day between :from and :to
                        group by inviter_id having sum(joins) > 0 order by sum(joins) desc, inviter_id""")
                .setParameter("group", group).setParameter("from", window.from()).setParameter("to", window.to())
                .getResultList()).stream().map(row -> new Inviter((UUID) row[0], number(row[1]))).toList();
        long invited = inviters.stream().mapToLong(Inviter::invited).sum();
        long active = analytics.distinctActive(group, window.from(), window.to());
        double k = active == 0 ? 0 : Math.round((double) invited / active * 10_000) / 10_000.0;
        return new Referrals(group, window, invited, active, k, inviters);
    }
}
