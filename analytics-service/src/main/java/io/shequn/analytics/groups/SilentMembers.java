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
     * {@value GroupAnalytics#SILENT_AFTER} days ending on it: the one definition the summary's
     * count and the list share.
     */
    private static final String SILENT = """
            from group_membership m where m.group_id = :group and m.joined_at < :end and (m.left_at is null or m.left_at >= :end)
            and not exists (select 1 from member_activity_day a where a.group_id = m.group_id and a.member_id = m.member_id
                            and a.day between :quietFrom and :day)""";

    /** How many members of the group are silent on the day. */
    @Transactional(Transactional.TxType.MANDATORY)
    public long count(UUID group, LocalDate day) {
        return ((Number) silent("select count(*) " + SILENT, group, day).getSingleResult()).longValue();
    }

    /** Longest silent first: never active, then by last active day; ties by member id. */
    @Transactional
    @SuppressWarnings("unchecked")
    public Page<Silent> list(UUID group, LocalDate day, PageRequest page) {
        List<Silent> items = ((List<Object[]>) silent("""
                        select m.member_id, m.joined_at,
                               (select max(a.day) from member_activity_day a where a.group_id = m.group_id and a.member_id = m.member_id and a.day <= :day) as last_day
                        """ + SILENT + " order by last_day nulls first, m.member_id limit :limit offset :offset", group, day)
                .setParameter("limit", page.size()).setParameter("offset", page.offset())
                .getResultList()).stream()
                .map(row -> new Silent((UUID) row[0], SqlValues.instant(row[1]), SqlValues.localDate(row[2])))
                .toList();
        return Page.of(items, page, count(group, day));
    }

    private Query silent(String sql, UUID group, LocalDate day) {
        ZoneId zone = calendar.zoneOf(group);
        return entityManager.createNativeQuery(sql)
                .setParameter("group", group).setParameter("end", day.plusDays(1).atStartOfDay(zone).toInstant())
                .setParameter("quietFrom", day.minusDays(GroupAnalytics.SILENT_AFTER - 1)).setParameter("day", day);
    }
}
