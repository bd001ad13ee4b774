package io.shequn.analytics.activity;

import io.shequn.analytics.health.GroupHealthService;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
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
        JOINS("joins"), LEAVES("leaves");

        final String column;

        Counter(String column) {
            this.column = column;
        }
    }

    @Inject
    EntityManager entityManager;

    @Inject
    GroupHealthService health;

    /** A member did something at {@code at} that makes them active in the group on that day. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void activity(UUID group, UUID member, Instant at, LocalDate day, Counter counter) {
        entityManager.createNativeQuery("insert into member_touch (member_id, group_id, at) values (:member, :group, :at) on conflict do nothing")
                .setParameter("member", member).setParameter("group", group).setParameter("at", at)
                .executeUpdate();
        int firstToday = entityManager.createNativeQuery("""
                        insert into member_activity_day (group_id, member_id, day) values (:group, :member, :day)
                        on conflict do nothing""")
                .setParameter("group", group).setParameter("member", member).setParameter("day", day)
                .executeUpdate();
        entityManager.createNativeQuery("insert into group_day (group_id, day, active_members, " + counter.column + ") "
                        + "values (:group, :day, :active, 1) on conflict (group_id, day) do update set "
                        + "active_members = group_day.active_members + excluded.active_members, "
                        + counter.column + " = group_day." + counter.column + " + 1")
                .setParameter("group", group).setParameter("day", day).setParameter("active", firstToday)
                .executeUpdate();
        health.assess(group, day, at);
    }

    /** Counts an event at {@code at} that does not by itself make anyone active (joins, leaves). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void count(UUID group, Instant at, LocalDate day, Counter counter) {
        entityManager.createNativeQuery("insert into group_day (group_id, day, " + counter.column + ") values (:group, :day, 1) "
                        + "on conflict (group_id, day) do update set " + counter.column + " = group_day." + counter.column + " + 1")
                .setParameter("group", group).setParameter("day", day)
                .executeUpdate();
        health.assess(group, day, at);
    }
}
