package io.shequn.analytics.activity;

import io.shequn.analytics.cohorts.CohortQueries;
import io.shequn.platform.sql.BulkSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/**
 * Keeps the running counts of V7__running_counts.sql, V12 and V14 as events arrive, in any order:
 * per group and day the membership periods that began and ended, WAU, MAU and the members active in
 * the 14 days ending on the day; per group and week the lifecycle; the current members per last
 * active day (the silent list's order); the retention cohorts and their active weeks; the first
 * joins per day and inviter; the active members per day by days since their previous active day.
 * Each change costs what the member's own days cost, never what the group's members do (the
 * funnel's counts are FunnelCounts').
 * {@code analytics_recount(group)} computes the same from scratch; tests compare the two.
 */
@ApplicationScoped
public class RunningCounts {

    static final int WEEK = 7;
    static final int AWAKE = 14;
    static final int MONTH = 30;
    static final int LONGEST_GAP = 366;
    private static final int DAY_TOTAL = -1;
    /** States of the lifecycle, the columns of group_week in this order. */
    static final int NEW = 0;
    static final int RETURNING = 1;
    static final int RESURRECTING = 2;
    static final int DORMANT = 3;

    @Inject
    EntityManager entityManager;

    @Inject
    GroupCalendar calendar;

    /**
     * A member's current membership period, first join and its inviter, first and last active days,
     * as group_membership holds them (null: no row).
     */
    public record Membership(Instant joinedAt, Instant leftAt, Instant firstJoinedAt, UUID inviterId, LocalDate firstActiveDay,
                             LocalDate lastActiveDay) {

        static final Membership NONE = new Membership(null, null, null, null, null, null);

        boolean current() {
            return joinedAt != null && leftAt == null;
        }
    }

    private record Key(UUID group, UUID member) {
    }

    /** The row before a change, to pass back to {@link #membershipChanged} with the row after it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public Membership membership(UUID group, UUID member) {
        List<?> rows = entityManager.createNativeQuery("""
                        select joined_at, left_at, first_joined_at, inviter_id, first_active_day, last_active_day from group_membership
                        where group_id = :group and member_id = :member for update""")
                .setParameter("group", group).setParameter("member", member).getResultList();
        if (rows.isEmpty()) {
            return Membership.NONE;
        }
        Object[] row = (Object[]) rows.get(0);
        return new Membership(SqlValues.instant(row[0]), SqlValues.instant(row[1]), SqlValues.instant(row[2]), (UUID) row[3],
                SqlValues.localDate(row[4]), SqlValues.localDate(row[5]));
    }

    /**
     * Members who became active on days they were not active before ({group, member, day} rows,
     * each new). Call before group_membership's last active days are moved.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void activeDaysAdded(List<Object[]> newDays) {
        if (newDays.isEmpty()) {
            return;
        }
        Map<Key, TreeSet<LocalDate>> added = new LinkedHashMap<>();
        for (Object[] row : newDays) {
            added.computeIfAbsent(new Key((UUID) row[0], (UUID) row[1]), k -> new TreeSet<>()).add(SqlValues.localDate(row[2]));
        }
        // Each member's days within a month either side of the new ones: all that a new day's spans can meet.
        List<Object[]> ranges = new ArrayList<>();
        added.forEach((key, days) -> ranges.add(new Object[] {key.group(), key.member(), days.first().minusDays(MONTH), days.last().plusDays(MONTH)}));
        Map<Key, TreeSet<LocalDate>> known = new HashMap<>();
        for (Object[] row : BulkSql.query(entityManager, """
                        select a.group_id, a.member_id, a.day from unnest(?::uuid[], ?::uuid[], ?::date[], ?::date[]) as u(group_id, member_id, low, high)
                        join member_activity_day a on a.group_id = u.group_id and a.member_id = u.member_id and a.day between u.low and u.high""",
                ranges)) {
            known.computeIfAbsent(new Key((UUID) row[0], (UUID) row[1]), k -> new TreeSet<>()).add(SqlValues.localDate(row[2]));
        }
        // And each member's last day before those and first day after them: the neighbours a gap can reach.
        Map<Key, List<LocalDate>> beyond = new HashMap<>();
        for (Object[] row : BulkSql.query(entityManager, """
                        select u.group_id, u.member_id,
                               (select max(a.day) from member_activity_day a where a.group_id = u.group_id and a.member_id = u.member_id and a.day < u.low),
                               (select min(a.day) from member_activity_day a where a.group_id = u.group_id and a.member_id = u.member_id and a.day > u.high)
                        from unnest(?::uuid[], ?::uuid[], ?::date[], ?::date[]) as u(group_id, member_id, low, high)""",
                ranges)) {
            List<LocalDate> days = new ArrayList<>();
            for (int i = 2; i < 4; i++) {
                if (row[i] != null) {
                    days.add(SqlValues.localDate(row[i]));
                }
            }
            beyond.put(new Key((UUID) row[0], (UUID) row[1]), days);
        }
        Map<Key, Membership> memberships = new HashMap<>();
        for (Object[] row : BulkSql.query(entityManager, """
                        select m.group_id, m.member_id, m.joined_at, m.left_at, m.first_joined_at, m.inviter_id, m.first_active_day, m.last_active_day
                        from unnest(?::uuid[], ?::uuid[]) as u(group_id, member_id)
                        join group_membership m on m.group_id = u.group_id and m.member_id = u.member_id""",
                added.keySet().stream().map(k -> new Object[] {k.group(), k.member()}).toList())) {
            memberships.put(new Key((UUID) row[0], (UUID) row[1]),
                    new Membership(SqlValues.instant(row[2]), SqlValues.instant(row[3]), SqlValues.instant(row[4]), (UUID) row[5],
                            SqlValues.localDate(row[6]), SqlValues.localDate(row[7])));
        }
        Changes changes = new Changes();
        added.forEach((key, days) -> {
            TreeSet<LocalDate> after = known.getOrDefault(key, new TreeSet<>(days));
            TreeSet<LocalDate> before = new TreeSet<>(after);
            before.removeAll(days);
            Membership membership = memberships.getOrDefault(key, Membership.NONE);
            LocalDate[] period = period(key.group(), membership);
            changes.spans(key.group(), before, -1, period);
            changes.spans(key.group(), after, 1, period);
            changes.lifecycle(key.group(), before, days, membership.firstActiveDay());
            changes.cohortWeeks(key.group(), cohortOf(key.group(), membership), weeks(days), weeks(before), 1);
            TreeSet<LocalDate> allAfter = new TreeSet<>(after);
            allAfter.addAll(beyond.getOrDefault(key, List.of()));
            TreeSet<LocalDate> allBefore = new TreeSet<>(allAfter);
            allBefore.removeAll(days);
            changes.gaps(key.group(), allBefore, allAfter, days);
            LocalDate last = membership.lastActiveDay() == null || days.last().isAfter(membership.lastActiveDay()) ? days.last() : membership.lastActiveDay();
            if (membership.current() && !last.equals(membership.lastActiveDay())) {
                changes.rank(key, membership.lastActiveDay(), -1);
                changes.rank(key, last, 1);
            }
        });
        changes.apply();
    }

    /** A join or a leave moved a member's current period from {@code before} to {@code after}. */
    @Transactional(Transactional.TxType.MANDATORY)
    @SuppressWarnings("unchecked")
    public void membershipChanged(UUID group, UUID member, Membership before, Membership after) {
        LocalDate[] was = period(group, before);
        LocalDate[] is = period(group, after);
        Changes changes = new Changes();
        if (!Objects.equals(was[0], is[0]) || !Objects.equals(was[1], is[1])) {
            changes.period(group, was, -1);
            changes.period(group, is, 1);
            LocalDate from = earliest(was[0], is[0]);
            if (from != null) {
                TreeSet<LocalDate> days = new TreeSet<>();
                ((List<Object>) entityManager.createNativeQuery(
                                "select day from member_activity_day where group_id = :group and member_id = :member and day >= :from")
                        .setParameter("group", group).setParameter("member", member).setParameter("from", from.minusDays(AWAKE))
                        .getResultList()).forEach(day -> days.add(SqlValues.localDate(day)));
                changes.awake(group, days, -1, was);
                changes.awake(group, days, 1, is);
            }
        }
        changes.invited(group, dayOf(group, before.firstJoinedAt()), before.inviterId(), -1);
        changes.invited(group, dayOf(group, after.firstJoinedAt()), after.inviterId(), 1);
        LocalDate cohortBefore = cohortOf(group, before);
        LocalDate cohortAfter = cohortOf(group, after);
        if (!Objects.equals(cohortBefore, cohortAfter)) {
            changes.cohort(group, cohortBefore, -1);
            changes.cohort(group, cohortAfter, 1);
            TreeSet<LocalDate> weeks = new TreeSet<>();
            if (before.firstActiveDay() != null) {   // most joiners have not been active yet: nothing to move
                ((List<Object>) entityManager.createNativeQuery(
                                "select distinct cast(date_trunc('week', day) as date) from member_activity_day where group_id = :group and member_id = :member")
                        .setParameter("group", group).setParameter("member", member).getResultList())
                        .forEach(week -> weeks.add(SqlValues.localDate(week)));
            }
            changes.cohortWeeks(group, cohortBefore, weeks, Set.of(), -1);
            changes.cohortWeeks(group, cohortAfter, weeks, Set.of(), 1);
        }
        Key key = new Key(group, member);
        if (before.current()) {
            changes.rank(key, before.lastActiveDay(), -1);
        }
        if (after.current()) {
            changes.rank(key, after.lastActiveDay(), 1);
        }
        changes.apply();
    }

    /** {join day, leave day} of the current period in the group's calendar; {null, null} without one. */
    private LocalDate[] period(UUID group, Membership membership) {
        if (membership.joinedAt() == null) {
            return new LocalDate[2];
        }
        return new LocalDate[] {calendar.dayOf(group, membership.joinedAt()),
                membership.leftAt() == null ? null : calendar.dayOf(group, membership.leftAt())};
    }

    /** The week of the member's first join (their retention cohort); null before it is known. */
    private LocalDate cohortOf(UUID group, Membership membership) {
        LocalDate day = dayOf(group, membership.firstJoinedAt());
        return day == null ? null : CohortQueries.weekOf(day);
    }

    private LocalDate dayOf(UUID group, Instant at) {
        return at == null ? null : calendar.dayOf(group, at);
    }

    private static TreeSet<LocalDate> weeks(Set<LocalDate> days) {
        TreeSet<LocalDate> weeks = new TreeSet<>();
        days.forEach(day -> weeks.add(CohortQueries.weekOf(day)));
        return weeks;
    }

    private static LocalDate earliest(LocalDate a, LocalDate b) {
        return a == null ? b : b == null || a.isBefore(b) ? a : b;
    }

    /** Changes to add up per group and day (and per rank bucket), written with two statements. */
    private final class Changes {

        private static final int STARTS = 0;
        private static final int ENDS = 1;
        private static final int WAU = 2;
        private static final int MAU = 3;
        private static final int AWAKE_MEMBERS = 4;

        private final Map<List<Object>, int[]> days = new LinkedHashMap<>();
        private final Map<List<Object>, Integer> rank = new LinkedHashMap<>();
        private final Map<List<Object>, int[]> weeks = new LinkedHashMap<>();
        private final Map<List<Object>, Integer> cohorts = new LinkedHashMap<>();
        private final Map<List<Object>, Integer> cohortWeeks = new LinkedHashMap<>();
        private final Map<List<Object>, Integer> invited = new LinkedHashMap<>();
        private final Map<List<Object>, Integer> gaps = new LinkedHashMap<>();

        private void add(UUID group, LocalDate day, int column, int delta) {
            days.computeIfAbsent(List.of(group, day), k -> new int[5])[column] += delta;
        }

        void period(UUID group, LocalDate[] period, int sign) {
            if (period[0] != null) {
                add(group, period[0], STARTS, sign);
            }
            if (period[1] != null) {
                add(group, period[1], ENDS, sign);
            }
        }

        /** Each active day counts on the days from itself until {@code length} days later or the next active day, whichever is first. */
        void spans(UUID group, TreeSet<LocalDate> activeDays, int sign, LocalDate[] period) {
            span(group, activeDays, sign, WEEK, WAU, null);
            span(group, activeDays, sign, MONTH, MAU, null);
            span(group, activeDays, sign, AWAKE, AWAKE_MEMBERS, period);
        }

        void awake(UUID group, TreeSet<LocalDate> activeDays, int sign, LocalDate[] period) {
            span(group, activeDays, sign, AWAKE, AWAKE_MEMBERS, period);
        }

        /** With a {@code period}, only the days the member is a member at their end: from the join day to the day before the leave. */
        private void span(UUID group, TreeSet<LocalDate> activeDays, int sign, int length, int column, LocalDate[] period) {
            if (period != null && period[0] == null) {
                return;
            }
            for (LocalDate day : activeDays) {
                LocalDate next = activeDays.higher(day);
                LocalDate from = period == null || !period[0].isAfter(day) ? day : period[0];
                LocalDate until = day.plusDays(length);
                if (next != null && next.isBefore(until)) {
                    until = next;
                }
                if (period != null && period[1] != null && period[1].isBefore(until)) {
                    until = period[1];
                }
                for (LocalDate d = from; d.isBefore(until); d = d.plusDays(1)) {
                    add(group, d, column, sign);
                }
            }
        }

        /**
         * A member's part in the lifecycle of the weeks their new days can change: the weeks of the
         * new days, the weeks after them and the week that was their first. {@code before} holds
         * their days within a month of the new ones, enough for all of these but the first week
         * (known active, with nothing before it).
         */
        void lifecycle(UUID group, TreeSet<LocalDate> before, TreeSet<LocalDate> added, LocalDate firstActiveDay) {
            TreeSet<LocalDate> weeksBefore = new TreeSet<>();
            before.forEach(day -> weeksBefore.add(CohortQueries.weekOf(day)));
            LocalDate firstBefore = firstActiveDay == null ? null : CohortQueries.weekOf(firstActiveDay);
            if (firstBefore != null) {
                weeksBefore.add(firstBefore);
            }
            TreeSet<LocalDate> weeksAfter = new TreeSet<>(weeksBefore);
            added.forEach(day -> weeksAfter.add(CohortQueries.weekOf(day)));
            LocalDate firstAfter = weeksAfter.first();
            TreeSet<LocalDate> affected = new TreeSet<>();
            added.forEach(day -> {
                affected.add(CohortQueries.weekOf(day));
                affected.add(CohortQueries.weekOf(day).plusWeeks(1));
            });
            if (firstBefore != null) {
                affected.add(firstBefore);
            }
            for (LocalDate week : affected) {
                int was = stateIn(weeksBefore, firstBefore, week);
                int is = stateIn(weeksAfter, firstAfter, week);
                if (was != is) {
                    lifecycleAdd(group, week, was, -1);
                    lifecycleAdd(group, week, is, 1);
                }
            }
        }

        private void lifecycleAdd(UUID group, LocalDate week, int state, int delta) {
            if (state >= 0) {
                weeks.computeIfAbsent(List.of(group, week), k -> new int[4])[state] += delta;
            }
        }

        void cohort(UUID group, LocalDate cohort, int delta) {
            if (cohort != null) {
                cohorts.merge(List.of(group, cohort), delta, Integer::sum);
            }
        }

        /** The member of {@code cohort} is active in each of {@code weeks} but those of {@code known} (counted already). */
        void cohortWeeks(UUID group, LocalDate cohort, Set<LocalDate> weeks, Set<LocalDate> known, int delta) {
            if (cohort != null) {
                weeks.stream().filter(week -> !known.contains(week))
                        .forEach(week -> cohortWeeks.merge(List.of(group, cohort, week), delta, Integer::sum));
            }
        }

        void invited(UUID group, LocalDate firstJoinDay, UUID inviter, int delta) {
            if (firstJoinDay != null && inviter != null) {
                invited.merge(List.of(group, firstJoinDay, inviter), delta, Integer::sum);
            }
        }

        /**
         * The gaps the {@code added} days change: their own and those of the days that follow them.
         * {@code before} and {@code after} hold the member's days around them, with the neighbours
         * beyond (so each of those days' previous day is known).
         */
        void gaps(UUID group, TreeSet<LocalDate> before, TreeSet<LocalDate> after, TreeSet<LocalDate> added) {
            TreeSet<LocalDate> affected = new TreeSet<>(added);
            added.forEach(day -> {
                LocalDate next = before.higher(day);
                if (next != null) {
                    affected.add(next);
                }
            });
            for (LocalDate day : affected) {
                if (before.contains(day)) {
                    gaps.merge(List.of(group, day, gap(day, before.lower(day))), -1, Integer::sum);
                }
                if (after.contains(day)) {
                    gaps.merge(List.of(group, day, gap(day, after.lower(day))), 1, Integer::sum);
                }
            }
        }

        void rank(Key key, LocalDate lastActiveDay, int delta) {
            String day = lastActiveDay == null ? "-infinity" : lastActiveDay.toString();
            rank.merge(List.of(key.group(), day, DAY_TOTAL), delta, Integer::sum);
            rank.merge(List.of(key.group(), day, firstByte(key.member())), delta, Integer::sum);
        }

        void apply() {
            List<Object[]> dayRows = new ArrayList<>();
            days.forEach((key, c) -> {
                if (c[STARTS] != 0 || c[ENDS] != 0 || c[WAU] != 0 || c[MAU] != 0 || c[AWAKE_MEMBERS] != 0) {
                    dayRows.add(new Object[] {key.get(0), key.get(1), c[STARTS], c[ENDS], c[WAU], c[MAU], c[AWAKE_MEMBERS]});
                }
            });
            if (!dayRows.isEmpty()) {
                BulkSql.update(entityManager, """
                                insert into group_day (group_id, day, period_starts, period_ends, wau, mau, awake)
                                select * from unnest(?::uuid[], ?::date[], ?::int[], ?::int[], ?::int[], ?::int[], ?::int[])
                                on conflict (group_id, day) do update set period_starts = group_day.period_starts + excluded.period_starts,
                                    period_ends = group_day.period_ends + excluded.period_ends, wau = group_day.wau + excluded.wau,
                                    mau = group_day.mau + excluded.mau, awake = group_day.awake + excluded.awake""",
                        dayRows);
            }
            List<Object[]> weekRows = new ArrayList<>();
            weeks.forEach((key, c) -> {
                if (c[NEW] != 0 || c[RETURNING] != 0 || c[RESURRECTING] != 0 || c[DORMANT] != 0) {
                    weekRows.add(new Object[] {key.get(0), key.get(1), c[NEW], c[RETURNING], c[RESURRECTING], c[DORMANT]});
                }
            });
            if (!weekRows.isEmpty()) {
                BulkSql.update(entityManager, """
                                insert into group_week (group_id, week, new_members, returning_members, resurrecting_members, dormant_members)
                                select * from unnest(?::uuid[], ?::date[], ?::int[], ?::int[], ?::int[], ?::int[])
                                on conflict (group_id, week) do update set new_members = group_week.new_members + excluded.new_members,
                                    returning_members = group_week.returning_members + excluded.returning_members,
                                    resurrecting_members = group_week.resurrecting_members + excluded.resurrecting_members,
                                    dormant_members = group_week.dormant_members + excluded.dormant_members""",
                        weekRows);
            }
            addDeltas(cohorts, """
                            insert into group_cohort (group_id, cohort_week, members) select * from unnest(?::uuid[], ?::date[], ?::int[])
                            on conflict (group_id, cohort_week) do update set members = group_cohort.members + excluded.members""");
            addDeltas(cohortWeeks, """
                            insert into group_cohort_week (group_id, cohort_week, active_week, members)
                            select * from unnest(?::uuid[], ?::date[], ?::date[], ?::int[])
                            on conflict (group_id, cohort_week, active_week) do update set members = group_cohort_week.members + excluded.members""");
            addDeltas(invited, """
                            insert into group_inviter_day (group_id, day, inviter_id, joins) select * from unnest(?::uuid[], ?::date[], ?::uuid[], ?::int[])
                            on conflict (group_id, day, inviter_id) do update set joins = group_inviter_day.joins + excluded.joins""");
            addDeltas(gaps, """
                            insert into group_active_gap (group_id, day, gap, members) select * from unnest(?::uuid[], ?::date[], ?::smallint[], ?::int[])
                            on conflict (group_id, day, gap) do update set members = group_active_gap.members + excluded.members""");
            addDeltas(rank, """
                            insert into group_member_rank (group_id, last_active_day, bucket, members)
                            select * from unnest(?::uuid[], ?::date[], ?::smallint[], ?::int[])
                            on conflict (group_id, last_active_day, bucket) do update set members = group_member_rank.members + excluded.members""");
        }

        /** Adds each key's non-zero delta to its row: {@code upsert} takes the key's columns, then the delta. */
        private void addDeltas(Map<List<Object>, Integer> deltas, String upsert) {
            List<Object[]> rows = new ArrayList<>();
            deltas.forEach((key, delta) -> {
                if (delta != 0) {
                    Object[] row = key.toArray(new Object[key.size() + 1]);
                    row[key.size()] = delta;
                    rows.add(row);
                }
            });
            if (!rows.isEmpty()) {
                BulkSql.update(entityManager, upsert, rows);
            }
        }
    }

    /**
     * A member's state in the lifecycle of {@code week} (docs/analytics.md, "Cohorts and
     * lifecycle") given the weeks they were active in and their first: -1 for none.
     */
    static int stateIn(TreeSet<LocalDate> activeWeeks, LocalDate firstWeek, LocalDate week) {
        boolean now = activeWeeks.contains(week);
        boolean before = activeWeeks.contains(week.minusWeeks(1));
        if (now) {
            return before ? RETURNING : week.equals(firstWeek) ? NEW : RESURRECTING;
        }
        return before ? DORMANT : -1;
    }

    /** Days since the previous active day; {@link #LONGEST_GAP} for that many or more, or none (a window has at most 366 days). */
    static int gap(LocalDate day, LocalDate previous) {
        return previous == null ? LONGEST_GAP : (int) Math.min(LONGEST_GAP, ChronoUnit.DAYS.between(previous, day));
    }

    /** The first byte of the id as PostgreSQL orders uuids (0–255): the rank's bucket. */
    static int firstByte(UUID member) {
        return (int) (member.getMostSignificantBits() >>> 56);
    }
}
