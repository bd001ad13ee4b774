package io.shequn.analytics.activity;

import io.shequn.analytics.funnel.FunnelCounts;
import io.shequn.analytics.health.GroupHealthService;
import io.shequn.analytics.revenue.Attribution;
import io.shequn.platform.sql.BulkSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/**
 * Folds one event into the per-day rollups. Called from the inbox listeners, so each event is
 * applied once; an event arriving late simply lands on its own (past) day.
 */
@ApplicationScoped
public class ActivityRollup {

    /** The counters of group_day an event can move. */
    public enum Counter {
        MESSAGES("messages"), CHECK_INS("check_ins"), RED_PACKETS("red_packets"), ATTENDANCES("attendances"),
        JOINS("joins"), LEAVES("leaves"), FLAGGED("flagged"), POINTS_AWARDED("points_awarded");

        final String column;

        Counter(String column) {
            this.column = column;
        }
    }

    @Inject
    EntityManager entityManager;

    @Inject
    GroupHealthService health;

    @Inject
    Attribution attribution;

    @Inject
    RunningCounts counts;

    @Inject
    FunnelCounts funnel;

    /** A member did something at {@code at} that makes them active in the group on that day. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void activity(UUID group, UUID member, Instant at, LocalDate day, Counter counter) {
        activities(List.of(new Activity(group, member, at, day, counter)));
    }

    /** One event that makes a member active in a group on a day. */
    public record Activity(UUID group, UUID member, Instant at, LocalDate day, Counter counter) {
    }

    /**
     * The same as {@link #activity} for each, in a handful of statements for the whole batch:
     * how batch consumption keeps up with busy groups.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void activities(List<Activity> batch) {
        if (batch.isEmpty()) {
            return;
        }
        BulkSql.update(entityManager, """
                        insert into member_touch (member_id, group_id, at) select * from unnest(?::uuid[], ?::uuid[], ?::timestamptz[])
                        on conflict do nothing""",
                batch.stream().map(a -> new Object[] {a.member(), a.group(), a.at()}).toList());
        Set<List<Object>> memberDays = new LinkedHashSet<>();
        batch.forEach(a -> memberDays.add(List.of(a.group(), a.member(), a.day())));
        List<Object[]> firstToday = BulkSql.query(entityManager, """
                        insert into member_activity_day (group_id, member_id, day) select * from unnest(?::uuid[], ?::uuid[], ?::date[])
                        on conflict do nothing returning group_id, member_id, day""",
                memberDays.stream().map(List::toArray).toList());
        counts.activeDaysAdded(firstToday);
        funnel.membersChanged(firstToday.stream().map(row -> new Object[] {row[0], row[1]}).toList());

        // group_day: every counter moved and the members active for the first time that day, per group and day.
        Map<List<Object>, long[]> days = new LinkedHashMap<>();
        for (Activity a : batch) {
            days.computeIfAbsent(List.of(a.group(), a.day()), k -> new long[Counter.values().length + 1])[a.counter().ordinal()]++;
        }
        Map<List<Object>, LocalDate[]> activeSpan = new LinkedHashMap<>();
        for (Object[] row : firstToday) {
            LocalDate day = SqlValues.localDate(row[2]);
            days.get(List.of(row[0], day))[Counter.values().length]++;
            LocalDate[] span = activeSpan.computeIfAbsent(List.of(row[0], row[1]), k -> new LocalDate[] {day, day});
            span[0] = day.isBefore(span[0]) ? day : span[0];
            span[1] = day.isAfter(span[1]) ? day : span[1];
        }
        List<Object[]> dayRows = new ArrayList<>();
        days.forEach((key, counts) -> dayRows.add(new Object[] {key.get(0), key.get(1), (int) counts[Counter.values().length],
                (int) counts[Counter.MESSAGES.ordinal()], (int) counts[Counter.CHECK_INS.ordinal()],
                (int) counts[Counter.RED_PACKETS.ordinal()], (int) counts[Counter.ATTENDANCES.ordinal()]}));
        BulkSql.update(entityManager, """
                        insert into group_day (group_id, day, active_members, messages, check_ins, red_packets, attendances)
                        select * from unnest(?::uuid[], ?::date[], ?::int[], ?::int[], ?::int[], ?::int[], ?::int[])
                        on conflict (group_id, day) do update set active_members = group_day.active_members + excluded.active_members,
                            messages = group_day.messages + excluded.messages, check_ins = group_day.check_ins + excluded.check_ins,
                            red_packets = group_day.red_packets + excluded.red_packets, attendances = group_day.attendances + excluded.attendances""",
                dayRows);
        if (!activeSpan.isEmpty()) {
            List<Object[]> spans = new ArrayList<>();
            activeSpan.forEach((key, span) -> spans.add(new Object[] {key.get(0), key.get(1), span[0], span[1]}));
            BulkSql.update(entityManager, """
                            insert into group_membership (group_id, member_id, first_active_day, last_active_day)
                            select * from unnest(?::uuid[], ?::uuid[], ?::date[], ?::date[])
                            on conflict (group_id, member_id) do update set
                                first_active_day = least(group_membership.first_active_day, excluded.first_active_day),
                                last_active_day = greatest(group_membership.last_active_day, excluded.last_active_day)""", spans);
        }
        attribution.touchedAll(batch.stream().map(a -> new Attribution.Touch(a.member(), a.group(), a.at())).toList());
        // Health once per group and day, in the order their first events came, at those events' times:
        // what one-by-one processing would have assessed (later ones of the same day are no-ops there).
        batch.stream().map(a -> List.<Object>of(a.group(), a.day())).distinct()
                .forEach(key -> health.assess((UUID) key.get(0), (LocalDate) key.get(1), firstAt(batch, key)));
    }

    private static Instant firstAt(List<Activity> batch, List<Object> groupDay) {
        return batch.stream().filter(a -> a.group().equals(groupDay.get(0)) && a.day().equals(groupDay.get(1)))
                .map(Activity::at).findFirst().orElseThrow();
    }

    /** Counts an event at {@code at} that does not by itself make anyone active (joins, leaves, flags). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void count(UUID group, Instant at, LocalDate day, Counter counter) {
        add(group, day, counter, 1);
        health.assess(group, day, at);
    }

    /** Adds {@code amount} to a counter of the group's day without assessing its health (points). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(UUID group, LocalDate day, Counter counter, long amount) {
        entityManager.createNativeQuery("insert into group_day (group_id, day, " + counter.column + ") values (:group, :day, :amount) "
                        + "on conflict (group_id, day) do update set " + counter.column + " = group_day." + counter.column + " + excluded." + counter.column)
                .setParameter("group", group).setParameter("day", day).setParameter("amount", amount)
                .executeUpdate();
    }
}
