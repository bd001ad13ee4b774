package io.shequn.analytics.activity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
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
