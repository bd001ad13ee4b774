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
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.UUID;

/**
 * Week-based views of a group (docs/analytics.md, "Cohorts and lifecycle"): the retention triangle
 * and the member lifecycle per week. Weeks start on Monday in the group's time zone. Retention reads
 * the per-member activity days of the weeks asked for (its cost follows the cohorts' members × days
 * in the window, not events); the lifecycle reads one running count per week.
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

    /** Cohorts of members who first joined in each week of the window; cohort k-th value = members of it active in week k after. */
    @Transactional
    @SuppressWarnings("unchecked")
    public Retention retention(UUID group, DayWindow window) {
        ZoneId zone = calendar.zoneOf(group);
        LocalDate firstWeek = weekOf(window.from());
        LocalDate lastWeek = weekOf(window.to());
        DayWindow weeks = new DayWindow(firstWeek, lastWeek.plusDays(6));
        Map<LocalDate, Set<UUID>> cohortMembers = new TreeMap<>();
        for (Object[] row : (List<Object[]>) entityManager.createNativeQuery("""
                        select member_id, first_joined_at from group_membership
                        where group_id = :group and first_joined_at >= :start and first_joined_at < :end""")
                .setParameter("group", group).setParameter("start", weeks.start(zone)).setParameter("end", weeks.end(zone))
                .getResultList()) {
            LocalDate joinDay = LocalDate.ofInstant(SqlValues.instant(row[1]), zone);
            cohortMembers.computeIfAbsent(weekOf(joinDay), w -> new HashSet<>()).add((UUID) row[0]);
        }
        Map<LocalDate, Set<UUID>> activeByWeek = new HashMap<>();
        for (Object[] row : (List<Object[]>) entityManager.createNativeQuery("""
                        select distinct a.member_id, cast(date_trunc('week', a.day) as date)
                        from member_activity_day a join group_membership m on m.group_id = a.group_id and m.member_id = a.member_id
                        where a.group_id = :group and a.day between :from and :to and m.first_joined_at >= :start and m.first_joined_at < :end""")
                .setParameter("group", group).setParameter("from", weeks.from()).setParameter("to", weeks.to())
                .setParameter("start", weeks.start(zone)).setParameter("end", weeks.end(zone))
                .getResultList()) {
            activeByWeek.computeIfAbsent(SqlValues.localDate(row[1]), w -> new HashSet<>()).add((UUID) row[0]);
        }
        List<Cohort> cohorts = new ArrayList<>();
        for (LocalDate week = firstWeek; !week.isAfter(lastWeek); week = week.plusWeeks(1)) {
            Set<UUID> members = cohortMembers.getOrDefault(week, Set.of());
            List<Integer> active = new ArrayList<>();
            List<Double> retention = new ArrayList<>();
            for (LocalDate later = week; !later.isAfter(lastWeek); later = later.plusWeeks(1)) {
                Set<UUID> activeThen = activeByWeek.getOrDefault(later, Set.of());
                int count = (int) members.stream().filter(activeThen::contains).count();
                active.add(count);
                retention.add(members.isEmpty() ? 0 : round((double) count / members.size()));
            }
            cohorts.add(new Cohort(week, members.size(), active, retention));
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
