package io.shequn.analytics.cohorts;

import io.shequn.analytics.activity.GroupCalendar;
import io.shequn.analytics.activity.SqlValues;
import io.shequn.analytics.groups.DayWindow;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Week-based views of a group (docs/analytics.md, "Cohorts and lifecycle"): the retention triangle
 * and the member lifecycle per week. Weeks start on Monday in the group's time zone. Both read
 * running counts kept as events arrive (a row per week, or per cohort and week), never the members.
 */
@ApplicationScoped
public class CohortQueries {

    @Inject
    EntityManager entityManager;

    @Inject
    GroupCalendar calendar;

    public record Cohort(LocalDate week, int size, List<Integer> active, List<Double> retention) {
    }

    public record Retention(UUID groupId, String timeZone, List<Cohort> cohorts) {
    }

    public record LifecycleWeek(LocalDate week, int newMembers, int returning, int resurrecting, int dormant) {
    }

    public record Lifecycle(UUID groupId, String timeZone, List<LifecycleWeek> weeks) {
    }

    public static LocalDate weekOf(LocalDate day) {
        return day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
    }

    /**
     * Cohorts of members who first joined in each week of the window; cohort k-th value = members of
     * it active in week k after. Read from the cohort running counts (group_cohort and
     * group_cohort_week, kept by RunningCounts): a row per cohort and week, whatever the number of members.
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public Retention retention(UUID group, DayWindow window) {
        ZoneId zone = calendar.zoneOf(group);
        LocalDate firstWeek = weekOf(window.from());
        LocalDate lastWeek = weekOf(window.to());
        Map<LocalDate, Integer> sizes = new HashMap<>();
        for (Object[] row : (List<Object[]>) entityManager.createNativeQuery("""
                        select cohort_week, members from group_cohort where group_id = :group and cohort_week between :first and :last""")
                .setParameter("group", group).setParameter("first", firstWeek).setParameter("last", lastWeek).getResultList()) {
            sizes.put(SqlValues.localDate(row[0]), (int) SqlValues.number(row[1]));
        }
        Map<List<LocalDate>, Integer> activeByWeek = new HashMap<>();
        for (Object[] row : (List<Object[]>) entityManager.createNativeQuery("""
                        select cohort_week, active_week, members from group_cohort_week
                        where group_id = :group and cohort_week between :first and :last and active_week between cohort_week and :last""")
                .setParameter("group", group).setParameter("first", firstWeek).setParameter("last", lastWeek).getResultList()) {
            activeByWeek.put(List.of(SqlValues.localDate(row[0]), SqlValues.localDate(row[1])), (int) SqlValues.number(row[2]));
        }
        List<Cohort> cohorts = new ArrayList<>();
        for (LocalDate week = firstWeek; !week.isAfter(lastWeek); week = week.plusWeeks(1)) {
            int size = sizes.getOrDefault(week, 0);
            List<Integer> active = new ArrayList<>();
            List<Double> retention = new ArrayList<>();
            for (LocalDate later = week; !later.isAfter(lastWeek); later = later.plusWeeks(1)) {
                int count = activeByWeek.getOrDefault(List.of(week, later), 0);
                active.add(count);
                retention.add(size == 0 ? 0 : round((double) count / size));
            }
            cohorts.add(new Cohort(week, size, active, retention));
        }
        return new Retention(group, zone.getId(), cohorts);
    }

    /**
     * Per week of the window, PostHog style: new (active for the first time in the group),
     * returning (active this week and the week before), resurrecting (active this week, not the
     * week before, but at some time earlier) and dormant (active the week before, not this week).
     * Read from the weekly running counts (group_week, kept by RunningCounts): one row per week,
     * whatever the number of members.
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public Lifecycle lifecycle(UUID group, DayWindow window) {
        ZoneId zone = calendar.zoneOf(group);
        LocalDate firstWeek = weekOf(window.from());
        LocalDate lastWeek = weekOf(window.to());
        Map<LocalDate, LifecycleWeek> stored = new HashMap<>();
        for (Object[] row : (List<Object[]>) entityManager.createNativeQuery("""
                        select week, new_members, returning_members, resurrecting_members, dormant_members from group_week
                        where group_id = :group and week between :from and :to""")
                .setParameter("group", group).setParameter("from", firstWeek).setParameter("to", lastWeek)
                .getResultList()) {
            LocalDate week = SqlValues.localDate(row[0]);
            stored.put(week, new LifecycleWeek(week, (int) SqlValues.number(row[1]), (int) SqlValues.number(row[2]),
                    (int) SqlValues.number(row[3]), (int) SqlValues.number(row[4])));
        }
        List<LifecycleWeek> weeks = new ArrayList<>();
        for (LocalDate week = firstWeek; !week.isAfter(lastWeek); week = week.plusWeeks(1)) {
            weeks.add(stored.getOrDefault(week, new LifecycleWeek(week, 0, 0, 0, 0)));
        }
        return new Lifecycle(group, zone.getId(), weeks);
    }

    static double round(double value) {
        return Math.round(value * 10_000) / 10_000.0;
    }
}
