package io.shequn.analytics.groups;

import io.shequn.analytics.activity.GroupCalendar;
import io.shequn.analytics.activity.SqlValues;
import io.shequn.platform.paging.Page;
import io.shequn.platform.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
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

    /** Longest silent first: never active, then by last active day; ties by member id. */
    @Transactional
    @SuppressWarnings("unchecked")
    public Page<Silent> list(UUID group, LocalDate day, PageRequest page) {
        ZoneId zone = calendar.zoneOf(group);
        Instant end = day.plusDays(1).atStartOfDay(zone).toInstant();
        String silent = """
                from group_membership m where m.group_id = :group and m.joined_at < :end and (m.left_at is null or m.left_at >= :end)
                and not exists (select 1 from member_activity_day a where a.group_id = m.group_id and a.member_id = m.member_id
                                and a.day between :quietFrom and :day)""";
        long total = ((Number) entityManager.createNativeQuery("select count(*) " + silent)
                .setParameter("group", group).setParameter("end", end).setParameter("quietFrom", day.minusDays(GroupAnalytics.SILENT_AFTER - 1))
                .setParameter("day", day).getSingleResult()).longValue();
        List<Silent> items = ((List<Object[]>) entityManager.createNativeQuery("""
                        select m.member_id, m.joined_at,
                               (select max(a.day) from member_activity_day a where a.group_id = m.group_id and a.member_id = m.member_id and a.day <= :day) as last_day
                        """ + silent + " order by last_day nulls first, m.member_id limit :limit offset :offset")
                .setParameter("group", group).setParameter("end", end).setParameter("quietFrom", day.minusDays(GroupAnalytics.SILENT_AFTER - 1))
                .setParameter("day", day).setParameter("limit", page.size()).setParameter("offset", page.offset())
                .getResultList()).stream()
                .map(row -> new Silent((UUID) row[0], SqlValues.instant(row[1]), SqlValues.localDate(row[2])))
                .toList();
        return Page.of(items, page, total);
    }
}
