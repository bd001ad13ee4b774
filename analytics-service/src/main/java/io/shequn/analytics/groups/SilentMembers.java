package io.shequn.analytics.groups;

import io.shequn.analytics.activity.GroupCalendar;
import io.shequn.analytics.activity.SqlValues;
import io.shequn.platform.paging.Page;
import io.shequn.platform.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

/** The silent members (潜水) of a group on a day: current members with no activity in the 14 days ending on it. */
@ApplicationScoped
public class SilentMembers {

    @Schema(name = "SilentMember")
    public record Silent(UUID memberId, Instant joinedAt,
                         @Schema(description = "Their last active day in the group up to the day, absent if never active") LocalDate lastActiveDay) {
    }

    @Inject
    EntityManager entityManager;

    @Inject
    GroupCalendar calendar;

    /**
     * Current members at the end of {@code :day} (moment {@code :end}) with no activity in the
     * {@value GroupAnalytics#SILENT_AFTER} days ending on it, as the list reads them for a past day.
     * The count and today's list come from the running counts that follow the same definition.
     */
    private static final String SILENT = """
            from group_membership m where m.group_id = :group and m.joined_at < :end and (m.left_at is null or m.left_at >= :end)
            and not exists (select 1 from member_activity_day a where a.group_id = m.group_id and a.member_id = m.member_id
                            and a.day between :quietFrom and :day)""";

    @Inject
    GroupAnalytics analytics;

    /** How many members of the group are silent on the day: its members less those active in the 14 days ending on it. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long count(UUID group, LocalDate day) {
        return analytics.figures(group, day).silent();
    }

    /** Longest silent first: never active, then by last active day; ties by member id. */
    @Transactional
    public Page<Silent> list(UUID group, LocalDate day, PageRequest page) {
        List<Silent> items = nothingAfter(group, day) ? ranked(group, day, page) : scanned(group, day, page);
        return Page.of(items, page, count(group, day));
    }

    /**
     * Whether the group's current members are its members at the end of the day and their last
     * active days are their last up to it: no membership began or ended and nobody was active after
     * the day. So it is for today, unless events carry future times.
     */
    private boolean nothingAfter(UUID group, LocalDate day) {
        return entityManager.createNativeQuery("""
                        select 1 from group_day where group_id = :group and day > :day
                        and (active_members > 0 or period_starts > 0 or period_ends > 0) limit 1""")
                .setParameter("group", group).setParameter("day", day).getResultList().isEmpty();
    }

    /**
     * The page read in the list's order from group_membership_silent, after finding where it
     * starts in group_member_rank: the last active day it starts in, then the first byte of the
     * member id; what is left to skip is at most one such bucket.
     */
    @SuppressWarnings("unchecked")
    private List<Silent> ranked(UUID group, LocalDate day, PageRequest page) {
        return ((List<Object[]>) entityManager.createNativeQuery("""
                        with days as (select last_active_day, members, sum(members) over (order by last_active_day) - members as before
                                      from group_member_rank where group_id = :group and bucket = -1 and last_active_day < :quietFrom),
                             start_day as (select last_active_day, before from days where before + members > :offset order by last_active_day limit 1),
                             buckets as (select r.bucket, r.members, d.before + sum(r.members) over (order by r.bucket) - r.members as before
                                         from start_day d join group_member_rank r on r.group_id = :group and r.last_active_day = d.last_active_day
                                         where r.bucket >= 0),
                             start as (select d.last_active_day, b.bucket, b.before from start_day d,
                                             (select bucket, before from buckets where before + members > :offset order by bucket limit 1) b)
                        select m.member_id, m.joined_at, m.last_active_day from start s cross join lateral (
                            select m.member_id, m.joined_at, m.last_active_day from group_membership m
                            where m.group_id = :group and m.joined_at is not null and m.left_at is null
                            and (coalesce(m.last_active_day, '-infinity'::date), m.member_id)
                                >= (s.last_active_day, cast(lpad(to_hex(cast(s.bucket as int)), 2, '0') || '000000-0000-0000-0000-000000000000' as uuid))
                            and coalesce(m.last_active_day, '-infinity'::date) < :quietFrom
                            order by coalesce(m.last_active_day, '-infinity'::date), m.member_id
                            offset :offset - s.before limit :limit) m""")
                .setParameter("group", group).setParameter("quietFrom", day.minusDays(GroupAnalytics.SILENT_AFTER - 1))
                .setParameter("offset", page.offset()).setParameter("limit", page.size())
                .getResultList()).stream()
                .map(row -> new Silent((UUID) row[0], SqlValues.instant(row[1]), SqlValues.localDate(row[2])))
                .toList();
    }

    /** For a day in the past: each member's last active day up to it, looked up member by member. */
    @SuppressWarnings("unchecked")
    private List<Silent> scanned(UUID group, LocalDate day, PageRequest page) {
        return ((List<Object[]>) silent("""
                        select m.member_id, m.joined_at,
                               (select max(a.day) from member_activity_day a where a.group_id = m.group_id and a.member_id = m.member_id and a.day <= :day) as last_day
                        """ + SILENT + " order by last_day nulls first, m.member_id limit :limit offset :offset", group, day)
                .setParameter("limit", page.size()).setParameter("offset", page.offset())
                .getResultList()).stream()
                .map(row -> new Silent((UUID) row[0], SqlValues.instant(row[1]), SqlValues.localDate(row[2])))
                .toList();
    }

    private Query silent(String sql, UUID group, LocalDate day) {
        ZoneId zone = calendar.zoneOf(group);
        return entityManager.createNativeQuery(sql)
                .setParameter("group", group).setParameter("end", day.plusDays(1).atStartOfDay(zone).toInstant())
                .setParameter("quietFrom", day.minusDays(GroupAnalytics.SILENT_AFTER - 1)).setParameter("day", day);
    }
}
