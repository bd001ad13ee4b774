package io.shequn.analytics.activity;

import io.shequn.analytics.health.GroupHealthService;
import io.shequn.analytics.revenue.Attribution;
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
        JOINS("joins"), LEAVES("leaves"), FLAGGED("flagged"), POINTS_AWARDED("points_awarded");

        final String column;

        Counter(String column) {
            this.column = column;
        }
    }

    @Inject
    EntityManager entityManager;

    @Inject
    GroupHealthService health;

    @Inject
    Attribution attribution;

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
        if (firstToday == 1) {
            entityManager.createNativeQuery("""
                            insert into group_membership (group_id, member_id, first_active_day, last_active_day) values (:group, :member, :day, :day)
                            on conflict (group_id, member_id) do update set
                                first_active_day = least(group_membership.first_active_day, excluded.first_active_day),
                                last_active_day = greatest(group_membership.last_active_day, excluded.last_active_day)""")
                    .setParameter("group", group).setParameter("member", member).setParameter("day", day)
                    .executeUpdate();
        }
        attribution.touched(member, group, at);
        health.assess(group, day, at);
    }

    /** Counts an event at {@code at} that does not by itself make anyone active (joins, leaves, flags). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void count(UUID group, Instant at, LocalDate day, Counter counter) {
        add(group, day, counter, 1);
        health.assess(group, day, at);
    }

    /** Adds {@code amount} to a counter of the group's day without assessing its health (points). */
    @Transactional(Transactional.TxType.MANDATORY)
    public void add(UUID group, LocalDate day, Counter counter, long amount) {
        entityManager.createNativeQuery("insert into group_day (group_id, day, " + counter.column + ") values (:group, :day, :amount) "
                        + "on conflict (group_id, day) do update set " + counter.column + " = group_day." + counter.column + " + excluded." + counter.column)
                .setParameter("group", group).setParameter("day", day).setParameter("amount", amount)
                .executeUpdate();
    }
}
