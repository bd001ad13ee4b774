package io.shequn.analytics.overview;

import io.shequn.analytics.activity.GroupCalendar;
import io.shequn.analytics.activity.SqlValues;
import io.shequn.analytics.groups.DayWindow;
import io.shequn.analytics.revenue.Revenue;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

import static io.shequn.analytics.activity.SqlValues.number;

/**
 * Many groups as one (docs/analytics.md, "Across groups"): per day the distinct members active in
 * any of them, their counters and the GMV of their purchases. A member active in two groups on a
 * day counts once. Days are each group's own calendar days. Reads the member-days of the window
 * plus the 29 days before it, never the events behind them.
 */
@ApplicationScoped
public class OverviewTrend {

    @Schema(name = "TrendDay")
    public record Day(LocalDate day,
                      @Schema(description = "Distinct members active on the day in any group in scope") long dau,
                      @Schema(description = "Distinct members active in the 7 days ending on the day") long wau,
                      @Schema(description = "Distinct members active in the 30 days ending on the day") long mau,
                      long messages, long checkIns, long joins, long leaves,
                      @Schema(description = "Purchases credited to the day, per currency") List<Revenue> gmv) {
    }

    @Schema(name = "Trend")
    public record Trend(DayWindow window,
                        @Schema(description = "Groups in scope: all for operators, the ones they own or administer for members") long groups,
                        @Schema(description = "Distinct current members of those groups at the end of the window") long members,
                        @Schema(description = "Distinct members active in the window") long activeMembers,
                        @Schema(description = "GMV of the window per currency") List<Revenue> gmv,
                        @Schema(description = "One item per day of the window, days without activity included") List<Day> days) {
    }

    private record Counters(long messages, long checkIns, long joins, long leaves) {
        static final Counters NONE = new Counters(0, 0, 0, 0);
    }

    private record Active(long dau, long wau, long mau) {
        static final Active NONE = new Active(0, 0, 0);
    }

    private static final String DEFAULT_ZONE = GroupCalendar.DEFAULT_ZONE.getId();

    @Inject
    EntityManager entityManager;

    /**
     * @param only the groups in scope, or null for all; without a group in scope purchases that
     *             no group was credited with count too, on their day in Asia/Shanghai
     */
    @Transactional
    public Trend trend(DayWindow window, List<UUID> only) {
        if (only != null && only.isEmpty()) {
            return assemble(window, 0, 0, 0, Map.of(), Map.of(), Map.of());
        }
        return assemble(window, groups(only), members(window, only), activeMembers(window, only),
                active(window, only), counters(window, only), gmv(window, only));
    }

    private Trend assemble(DayWindow window, long groups, long members, long activeMembers, Map<LocalDate, Active> active,
                           Map<LocalDate, Counters> counters, Map<LocalDate, List<Revenue>> gmv) {
        List<Day> days = new ArrayList<>();
        Map<String, long[]> totals = new TreeMap<>();
        for (LocalDate day = window.from(); !day.isAfter(window.to()); day = day.plusDays(1)) {
            Active a = active.getOrDefault(day, Active.NONE);
            Counters c = counters.getOrDefault(day, Counters.NONE);
            List<Revenue> revenue = gmv.getOrDefault(day, List.of());
            revenue.forEach(r -> {
                long[] sum = totals.computeIfAbsent(r.currency(), k -> new long[2]);
                sum[0] += r.purchases();
                sum[1] += r.amount();
            });
            days.add(new Day(day, a.dau(), a.wau(), a.mau(), c.messages(), c.checkIns(), c.joins(), c.leaves(), revenue));
        }
        List<Revenue> total = totals.entrySet().stream().map(e -> new Revenue(e.getKey(), e.getValue()[0], e.getValue()[1])).toList();
        return new Trend(window, groups, members, activeMembers, total, days);
    }

    private long groups(List<UUID> only) {
        if (only != null) {
            return only.size();
        }
        return number(entityManager.createNativeQuery(
                "select count(*) from (select group_id from analytics_group union select group_id from group_health) g").getSingleResult());
    }

    /** Members whose current period began before the end of the window's last day in their group's zone and had not ended by then. */
    private long members(DayWindow window, List<UUID> only) {
        return number(scoped("""
                with ends as (select m.member_id, m.joined_at, m.left_at,
                                     cast(:dayAfter as timestamp) at time zone coalesce(g.time_zone, :zone) as window_end
                              from group_membership m left join analytics_group g on g.group_id = m.group_id
                              where m.joined_at is not null %s)
                select count(distinct member_id) from ends where joined_at < window_end and (left_at is null or left_at >= window_end)""",
                "m.group_id", only)
                .setParameter("dayAfter", window.to().plusDays(1).atStartOfDay()).setParameter("zone", DEFAULT_ZONE)
                .getSingleResult());
    }

    private long activeMembers(DayWindow window, List<UUID> only) {
        return number(scoped("select count(distinct member_id) from member_activity_day where day between :from and :to %s", "group_id", only)
                .setParameter("from", window.from()).setParameter("to", window.to()).getSingleResult());
    }

    /**
     * Each member's distinct active days, each followed by the days it keeps them in WAU and MAU:
     * up to 6 and 29 days later, and never up to their next active day (that one takes over). The
     * spans of one member do not overlap, so the members counted on a day are the spans covering
     * it. Each span is read as a +1 on its first day and a -1 on the day after its end (per
     * figure), and the running sum of those steps gives every day's count: the work grows with
     * the member-days read, not with them times the 30 days each one lasts.
     */
    @SuppressWarnings("unchecked")
    private Map<LocalDate, Active> active(DayWindow window, List<UUID> only) {
        List<Object[]> steps = scoped("""
                with member_days as (select distinct member_id, day from member_activity_day where day between :lookBack and :to %s),
                     spans as (select day, lead(day) over (partition by member_id order by day) as next_day from member_days),
                     edges as (select day as step_day, 1 as dau, 1 as wau, 1 as mau from spans
                               union all select day + 1, -1, 0, 0 from spans
                               union all select least(day + 7, coalesce(next_day, day + 7)), 0, -1, 0 from spans
                               union all select least(day + 30, coalesce(next_day, day + 30)), 0, 0, -1 from spans)
                select step_day, sum(dau), sum(wau), sum(mau) from edges where step_day <= :to group by step_day order by step_day""",
                "group_id", only)
                .setParameter("lookBack", window.from().minusDays(29)).setParameter("to", window.to())
                .getResultList();
        Map<LocalDate, Active> active = new LinkedHashMap<>();
        long dau = 0, wau = 0, mau = 0;
        int next = 0;
        for (LocalDate day = window.from().minusDays(29); !day.isAfter(window.to()); day = day.plusDays(1)) {
            while (next < steps.size() && !SqlValues.localDate(steps.get(next)[0]).isAfter(day)) {
                Object[] step = steps.get(next++);
                dau += number(step[1]);
                wau += number(step[2]);
                mau += number(step[3]);
            }
            if (!day.isBefore(window.from())) {
                active.put(day, new Active(dau, wau, mau));
            }
        }
        return active;
    }

    @SuppressWarnings("unchecked")
    private Map<LocalDate, Counters> counters(DayWindow window, List<UUID> only) {
        List<Object[]> rows = scoped("""
                select day, sum(messages), sum(check_ins), sum(joins), sum(leaves) from group_day
                where day between :from and :to %s group by day""", "group_id", only)
                .setParameter("from", window.from()).setParameter("to", window.to())
                .getResultList();
        Map<LocalDate, Counters> counters = new LinkedHashMap<>();
        rows.forEach(row -> counters.put(SqlValues.localDate(row[0]), new Counters(number(row[1]), number(row[2]), number(row[3]), number(row[4]))));
        return counters;
    }

    /** Each order on its day in the zone of the group it is credited to (unattributed ones in the default zone). */
    @SuppressWarnings("unchecked")
    private Map<LocalDate, List<Revenue>> gmv(DayWindow window, List<UUID> only) {
        // Time zones are at most 14 hours from UTC: a day of the window lies within a day either side of it in UTC.
        List<Object[]> rows = scoped("""
                with local as (select cast(p.purchased_at at time zone coalesce(g.time_zone, :zone) as date) as day, p.currency, p.amount
                               from purchase_attribution p left join analytics_group g on g.group_id = p.group_id
                               where p.purchased_at >= cast(:dayBefore as timestamp) at time zone 'UTC'
                               and p.purchased_at < cast(:twoDaysAfter as timestamp) at time zone 'UTC' %s)
                select day, currency, count(*), sum(amount) from local where day between :from and :to
                group by day, currency order by day, currency""", "p.group_id", only)
                .setParameter("zone", DEFAULT_ZONE)
                .setParameter("dayBefore", window.from().minusDays(1).atStartOfDay())
                .setParameter("twoDaysAfter", window.to().plusDays(2).atStartOfDay())
                .setParameter("from", window.from()).setParameter("to", window.to())
                .getResultList();
        Map<LocalDate, List<Revenue>> gmv = new LinkedHashMap<>();
        rows.forEach(row -> gmv.computeIfAbsent(SqlValues.localDate(row[0]), k -> new ArrayList<>()).add(Revenue.fromRow(row, 1)));
        return gmv;
    }

    /** The statement with {@code and <column> in (:only)} in place of its %s when the scope is limited. */
    private Query scoped(String sql, String column, List<UUID> only) {
        Query query = entityManager.createNativeQuery(sql.formatted(only == null ? "" : "and " + column + " in (:only)"));
        return only == null ? query : query.setParameter("only", only);
    }
}
