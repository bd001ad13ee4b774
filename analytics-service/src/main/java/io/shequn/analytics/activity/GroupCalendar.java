package io.shequn.analytics.activity;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
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

    @Transactional(Transactional.TxType.MANDATORY)
    public ZoneId zoneOf(UUID group) {
        List<?> zones = entityManager.createNativeQuery("select time_zone from analytics_group where group_id = :group")
                .setParameter("group", group).getResultList();
        return zones.isEmpty() ? DEFAULT_ZONE : ZoneId.of((String) zones.get(0));
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public LocalDate dayOf(UUID group, Instant time) {
        return time.atZone(zoneOf(group)).toLocalDate();
    }
}
