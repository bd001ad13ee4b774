package io.shequn.analytics.activity;

import io.shequn.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.UUID;

/**
 * Days are calendar days in the group's time zone, known from group-created; until that event
 * has been seen the catalogue's default, Asia/Shanghai, applies.
 */
@ApplicationScoped
public class GroupCalendar {

    public static final ZoneId DEFAULT_ZONE = ZoneId.of("Asia/Shanghai");

    @Inject
    EntityManager entityManager;

    /**
     * Zones learnt from group-created. A group's zone never changes once known, so it is kept in
     * memory: every event asks for it. Groups not yet known are asked again each time.
     */
    private final Map<UUID, ZoneId> known = new ConcurrentHashMap<>();

    /** Groups some event has named: once named, a group stays known (a rebuild replays the same events). */
    private final Set<UUID> seen = ConcurrentHashMap.newKeySet();

    @Transactional(Transactional.TxType.MANDATORY)
    public ZoneId zoneOf(UUID group) {
        ZoneId cached = known.get(group);
        if (cached != null) {
            return cached;
        }
        List<?> zones = entityManager.createNativeQuery("select time_zone from analytics_group where group_id = :group")
                .setParameter("group", group).getResultList();
        if (zones.isEmpty()) {
            return DEFAULT_ZONE;
        }
        ZoneId zone = ZoneId.of((String) zones.get(0));
        if (known.size() < 100_000) {
            known.put(group, zone);
        }
        return zone;
    }

    /**
     * A 404 problem unless some event has named the group. Every event that names a group leaves
     * a row in one of these read models (the others are derived from them), and events may come
     * in any order: group-created; a membership or role event; a day of activity (messages,
     * check-ins, red packets grabbed, attendances, moderation, points); a purchase credited to it;
     * a campaign or a lottery entry; a bridge message held until its author joins. Each is read
     * by an index on its group_id.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void requireKnown(UUID group) {
        if (known.containsKey(group) || seen.contains(group)) {
            return;
        }
        boolean named = !entityManager.createNativeQuery("""
                        select 1 from analytics_group where group_id = :group
                        union all select 1 from group_membership where group_id = :group
                        union all select 1 from group_day where group_id = :group
                        union all select 1 from purchase_attribution where group_id = :group
                        union all select 1 from campaign where group_id = :group
                        union all select 1 from campaign_participant where group_id = :group
                        union all select 1 from outside_message where group_id = :group
                        limit 1""")
                .setParameter("group", group).getResultList().isEmpty();
        if (!named) {
            throw new ProblemException(404, "not-found", "Not found", "Analytics has seen no event about group " + group);
        }
        if (seen.size() < 100_000) {
            seen.add(group);
        }
    }

    /** The name from group-created, or null before it has been seen. */
    @Transactional(Transactional.TxType.MANDATORY)
    public String nameOf(UUID group) {
        List<?> names = entityManager.createNativeQuery("select name from analytics_group where group_id = :group")
                .setParameter("group", group).getResultList();
        return names.isEmpty() ? null : (String) names.get(0);
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public LocalDate dayOf(UUID group, Instant time) {
        return time.atZone(zoneOf(group)).toLocalDate();
    }
}
