package io.shequn.analytics.health;

import io.shequn.analytics.activity.GroupCalendar;
import io.shequn.analytics.activity.SqlValues;
import io.shequn.analytics.groups.GroupAnalytics;
import io.shequn.contracts.Events;
import io.shequn.contracts.events.GroupHealthChanged;
import io.shequn.contracts.events.LifecycleStage;
import io.shequn.platform.outbox.Outbox;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

/**
 * Assesses a group as of the last complete day before each event that concerns it (a day in
 * progress would make the stage flap with every message), once per day, and publishes
 * group-health-changed when the stage moves. Events for days already assessed (late ones) update
 * the figures but not the stage: the stage follows the group forward in time. Each change is
 * also kept in group_stage_change, the history {@link StageChanges} lists. The daily
 * {@link HealthSweep} re-assesses every group as of yesterday, so a group that falls silent
 * becomes DORMANT without waiting for an event, and late figures reach the score.
 *
 * <p>A group is assessed only once its group-created has been seen and never for a day before
 * its creation day (docs/analytics.md, version 2): events consumed before group-created assess
 * nothing, so the order of the topics cannot make a new group DORMANT. Until its first day is
 * over a group is assessed as of its creation day, by every event of that day (it is NEW whatever
 * its figures, so the stage cannot flap), which makes that assessment a function of the day's
 * events however they were consumed.
 */
@ApplicationScoped
public class GroupHealthService {

    @Inject
    EntityManager entityManager;

    @Inject
    GroupAnalytics analytics;

    @Inject
    GroupCalendar calendar;

    @Inject
    Outbox outbox;

    /** An event of {@code eventDay} happened at {@code at}: assess the day before (or the creation day), if not done yet. */
    @Transactional(Transactional.TxType.MANDATORY)
    public void assess(UUID group, LocalDate eventDay, Instant at) {
        assessAsOf(group, eventDay.minusDays(1), at, false);
    }

    /**
     * Assesses the group as of {@code day} (its creation day if that is later), unless a later day
     * was assessed already; with {@code again}, also when that very day was assessed before (its
     * figures may have moved since). An assessment made before its day ended is made again by the
     * next event. Nothing happens before group-created has been seen.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void assessAsOf(UUID group, LocalDate day, Instant at, boolean again) {
        Instant createdAt = createdAt(group);
        if (createdAt == null) {
            return;
        }
        ZoneId zone = calendar.zoneOf(group);
        LocalDate created = LocalDate.ofInstant(createdAt, zone);
        if (day.isBefore(created)) {
            day = created;
        }
        List<?> current = entityManager.createNativeQuery("select stage, assessed_day, assessed_at from group_health where group_id = :group for update")
                .setParameter("group", group).getResultList();
        Object[] row = current.isEmpty() ? null : (Object[]) current.get(0);
        if (row != null) {
            LocalDate assessed = SqlValues.localDate(row[1]);
            boolean inProgress = SqlValues.instant(row[2]).isBefore(assessed.plusDays(1).atStartOfDay(zone).toInstant());
            if (day.isBefore(assessed) || (day.equals(assessed) && !again && !inProgress)) {
                return;
            }
        }
        GroupHealthScorer.Assessment assessment = GroupHealthScorer.assess(inputs(group, day, created));
        if (row == null) {
            entityManager.createNativeQuery("""
                            insert into group_health (group_id, score, stage, assessed_day, assessed_at)
                            values (:group, :score, :stage, :day, :at)""")
                    .setParameter("group", group).setParameter("score", assessment.score())
                    .setParameter("stage", assessment.stage().name()).setParameter("day", day).setParameter("at", at)
                    .executeUpdate();
            return;
        }
        entityManager.createNativeQuery("""
                        update group_health set score = :score, stage = :stage, assessed_day = :day, assessed_at = :at
                        where group_id = :group""")
                .setParameter("group", group).setParameter("score", assessment.score())
                .setParameter("stage", assessment.stage().name()).setParameter("day", day).setParameter("at", at)
                .executeUpdate();
        LifecycleStage previous = LifecycleStage.valueOf((String) row[0]);
        if (previous != assessment.stage()) {
            outbox.publish(Events.GROUP_HEALTH_CHANGED,
                    new GroupHealthChanged(group, assessment.score(), assessment.stage(), previous, at), at);
            entityManager.createNativeQuery("""
                            insert into group_stage_change (group_id, changed_at, assessed_day, stage, previous_stage, score)
                            values (:group, :at, :day, :stage, :previous, :score)
                            on conflict (group_id, changed_at) do update
                            set assessed_day = excluded.assessed_day, stage = excluded.stage, score = excluded.score""")
                    .setParameter("group", group).setParameter("at", at).setParameter("day", day)
                    .setParameter("stage", assessment.stage().name()).setParameter("previous", previous.name())
                    .setParameter("score", assessment.score())
                    .executeUpdate();
        }
    }

    /** From group-created, or null while it has not been seen. */
    private Instant createdAt(UUID group) {
        List<?> created = entityManager.createNativeQuery("select created_at from analytics_group where group_id = :group")
                .setParameter("group", group).getResultList();
        return created.isEmpty() ? null : SqlValues.instant(created.get(0));
    }

    private GroupHealthScorer.Inputs inputs(UUID group, LocalDate day, LocalDate created) {
        GroupAnalytics.Figures figures = analytics.figures(group, day);
        int ageDays = (int) ChronoUnit.DAYS.between(created, day);
        Integer daysSinceActive = figures.lastActiveDay() == null ? null : (int) ChronoUnit.DAYS.between(figures.lastActiveDay(), day);
        return new GroupHealthScorer.Inputs(ageDays, daysSinceActive, figures.wau(), figures.previousWau(), figures.stickiness(),
                figures.members(), figures.silent(), figures.joins30(), figures.leaves30());
    }
}
