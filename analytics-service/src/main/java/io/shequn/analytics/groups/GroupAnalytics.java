package io.shequn.analytics.groups;

import io.shequn.analytics.activity.GroupCalendar;
import io.shequn.analytics.activity.SqlValues;
import io.shequn.analytics.revenue.RevenueQueries;
import io.shequn.contracts.events.LifecycleStage;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.shequn.analytics.activity.SqlValues.number;

/**
 * Reads the activity rollups. Every query is bounded by the window's days (and the member-days
 * active in it), never by the number of events the group ever had.
 */
@ApplicationScoped
public class GroupAnalytics {

    static final int WEEK = 7;
    static final int MONTH = 30;
    static final int SILENT_AFTER = 14;

    /** How the OpenAPI document describes the defaults and the 404 of every per-group operation. */
    public static final String DEFAULT_FROM = "First day; default: 29 days before to (the last 30 days)";
    public static final String DEFAULT_TO = "Last day; default: today in the group's time zone";
    public static final String DEFAULT_DAY = "Default: today in the group's time zone";
    public static final String UNKNOWN_GROUP = "No event has named the group yet (analytics has never seen it)";

    @Inject
    EntityManager entityManager;

    @Inject
    GroupCalendar calendar;

    @Inject
    Clock clock;

    @Inject
    RevenueQueries revenue;

    /** A metric of {@code group_day} a time series can show. */
    public enum Metric {
        DAU("active_members"), MESSAGES("messages"), CHECK_INS("check_ins"), RED_PACKETS("red_packets"),
        ATTENDANCES("attendances"), JOINS("joins"), LEAVES("leaves"), FLAGGED("flagged"), POINTS_AWARDED("points_awarded");

        final String column;

        Metric(String column) {
            this.column = column;
        }
    }

    public record Point(LocalDate day, long value) {
    }

    /** Today in the group's time zone. */
    @Transactional
    public LocalDate today(UUID group) {
        return LocalDate.now(clock.withZone(calendar.zoneOf(group)));
    }

    /** The requested day, today in the group's time zone by default; 404 for a group no event has named. */
    @Transactional
    public LocalDate day(UUID group, LocalDate day) {
        calendar.requireKnown(group);
        return day != null ? day : today(group);
    }

    /**
     * The requested window, by default the {@value #MONTH} days ending today in the group's time zone
     * ({@code to} defaults to today, {@code from} to {@value #MONTH} days ending on {@code to});
     * 404 for a group no event has named, where zeros would claim a group without activity.
     */
    @Transactional
    public DayWindow window(UUID group, LocalDate from, LocalDate to) {
        LocalDate end = to != null ? to : today(group);
        DayWindow window = DayWindow.of(from != null ? from : end.minusDays(MONTH - 1), end);
        calendar.requireKnown(group);
        return window;
    }

    /**
     * A group's running counts as of the end of {@code day} (V7__running_counts.sql), read from one
     * range of group_day: the days of the group's history up to the day, never its members.
     */
    public record Figures(long members, long dau, long wau, long previousWau, long mau, long awake, long memberDays30,
                          long joins30, long leaves30, LocalDate lastActiveDay) {

        public long silent() {
            return members - awake;
        }

        /** Average DAU over the 30 days ending on the day ÷ MAU, 4 decimals; 0 without MAU. */
        public double stickiness() {
            return mau == 0 ? 0 : Math.round((double) memberDays30 / MONTH / mau * 10_000) / 10_000.0;
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public Figures figures(UUID group, LocalDate day) {
        Object[] row = (Object[]) entityManager.createNativeQuery("""
                        select sum(period_starts - period_ends), sum(wau) filter (where day = :day), sum(wau) filter (where day = :weekAgo),
                               sum(mau) filter (where day = :day), sum(awake) filter (where day = :day), sum(active_members) filter (where day = :day),
                               sum(active_members) filter (where day >= :monthStart), sum(joins) filter (where day >= :monthStart),
                               sum(leaves) filter (where day >= :monthStart), max(day) filter (where active_members > 0)
                        from group_day where group_id = :group and day <= :day""")
                .setParameter("group", group).setParameter("day", day).setParameter("weekAgo", day.minusDays(WEEK))
                .setParameter("monthStart", day.minusDays(MONTH - 1))
                .getSingleResult();
        return new Figures(number(row[0]), number(row[5]), number(row[1]), number(row[2]), number(row[3]), number(row[4]),
                number(row[6]), number(row[7]), number(row[8]), SqlValues.localDate(row[9]));
    }

    @Transactional
    public GroupSummary summary(UUID group, LocalDate requestedDay) {
        ZoneId zone = calendar.zoneOf(group);
        LocalDate day = day(group, requestedDay);
        Figures f = figures(group, day);
        return new GroupSummary(group, calendar.nameOf(group), zone.getId(), day, f.members(), f.dau(), f.wau(), f.mau(), f.stickiness(),
                f.silent(), f.lastActiveDay(), revenue.ofGroup(group, day.minusDays(MONTH - 1), day), health(group));
    }

    private GroupSummary.Health health(UUID group) {
        List<?> rows = entityManager.createNativeQuery("select score, stage, assessed_day from group_health where group_id = :group")
                .setParameter("group", group).getResultList();
        if (rows.isEmpty()) {
            return null;
        }
        Object[] row = (Object[]) rows.get(0);
        return new GroupSummary.Health(((Number) row[0]).intValue(), LifecycleStage.valueOf((String) row[1]), SqlValues.localDate(row[2]));
    }

    /** One value per day from {@code from} to {@code to}, zeros included. */
    @Transactional
    @SuppressWarnings("unchecked")
    public List<Point> timeseries(UUID group, Metric metric, LocalDate from, LocalDate to) {
        Map<LocalDate, Long> values = new HashMap<>();
        for (Object[] row : (List<Object[]>) query("select day, " + metric.column + " from group_day where group_id = :group and day between :from and :to",
                group, from, to).getResultList()) {
            values.put(SqlValues.localDate(row[0]), number(row[1]));
        }
        List<Point> points = new ArrayList<>();
        for (LocalDate day = from; !day.isAfter(to); day = day.plusDays(1)) {
            points.add(new Point(day, values.getOrDefault(day, 0L)));
        }
        return points;
    }

    /** Members at the end of the day: current membership periods begun by then and not ended. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long membersOn(UUID group, LocalDate day) {
        return number(entityManager.createNativeQuery("select sum(period_starts - period_ends) from group_day where group_id = :group and day <= :day")
                .setParameter("group", group).setParameter("day", day).getSingleResult());
    }

    /**
     * Distinct members active on the days from {@code from} to {@code to} (at most 366 days): each
     * counts on their first active day in the window, the one whose previous active day is before
     * {@code from} (group_active_gap, kept by RunningCounts).
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public long distinctActive(UUID group, LocalDate from, LocalDate to) {
        return number(query("""
                        select coalesce(sum(members), 0) from group_active_gap
                        where group_id = :group and day between :from and :to and gap > day - cast(:from as date)""",
                group, from, to).getSingleResult());
    }

    private Query query(String sql, UUID group, LocalDate from, LocalDate to) {
        return entityManager.createNativeQuery(sql).setParameter("group", group).setParameter("from", from).setParameter("to", to);
    }
}
