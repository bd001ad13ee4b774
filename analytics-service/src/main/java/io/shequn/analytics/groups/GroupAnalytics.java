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

    @Inject
    EntityManager entityManager;

    @Inject
    GroupCalendar calendar;

    @Inject
    Clock clock;

    @Inject
    RevenueQueries revenue;

    @Inject
    SilentMembers silentMembers;

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

    @Transactional
    public GroupSummary summary(UUID group, LocalDate requestedDay) {
        ZoneId zone = calendar.zoneOf(group);
        LocalDate day = requestedDay != null ? requestedDay : LocalDate.now(clock.withZone(zone));
        long dau = distinctActive(group, day, day);
        long wau = distinctActive(group, day.minusDays(WEEK - 1), day);
        long mau = distinctActive(group, day.minusDays(MONTH - 1), day);
        long activeDays = number(query("select coalesce(sum(active_members), 0) from group_day where group_id = :group and day between :from and :to",
                group, day.minusDays(MONTH - 1), day).getSingleResult());
        double stickiness = mau == 0 ? 0 : Math.round((double) activeDays / MONTH / mau * 10_000) / 10_000.0;
        // Members at the end of the day, in the group's time zone.
        java.time.Instant endOfDay = day.plusDays(1).atStartOfDay(zone).toInstant();
        long members = membersAt(group, endOfDay);
        long silent = silentMembers.count(group, day);
        Object last = query("select max(day) from group_day where group_id = :group and active_members > 0 and day between :from and :to",
                group, LocalDate.of(1970, 1, 1), day).getSingleResult();
        return new GroupSummary(group, calendar.nameOf(group), zone.getId(), day, members, dau, wau, mau, stickiness, silent, SqlValues.localDate(last),
                revenue.ofGroup(group, day.minusDays(MONTH - 1), day), health(group));
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

    /** Sum of a daily counter over the days from {@code from} to {@code to}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long sum(UUID group, Metric metric, LocalDate from, LocalDate to) {
        return number(query("select coalesce(sum(" + metric.column + "), 0) from group_day where group_id = :group and day between :from and :to",
                group, from, to).getSingleResult());
    }

    /** Members whose current membership period began before {@code end} and had not ended by then. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long membersAt(UUID group, java.time.Instant end) {
        return number(entityManager.createNativeQuery("""
                        select count(*) from group_membership where group_id = :group and joined_at < :end
                        and (left_at is null or left_at >= :end)""")
                .setParameter("group", group).setParameter("end", end).getSingleResult());
    }

    /** Distinct members active on the days from {@code from} to {@code to}. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long distinctActive(UUID group, LocalDate from, LocalDate to) {
        return number(query("select count(distinct member_id) from member_activity_day where group_id = :group and day between :from and :to",
                group, from, to).getSingleResult());
    }

    private Query query(String sql, UUID group, LocalDate from, LocalDate to) {
        return entityManager.createNativeQuery(sql).setParameter("group", group).setParameter("from", from).setParameter("to", to);
    }
}
