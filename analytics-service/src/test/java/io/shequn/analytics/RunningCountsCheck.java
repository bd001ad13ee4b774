package io.shequn.analytics;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The running counts the listeners kept for a group (V7__running_counts.sql and V12 to V14) must
 * be what {@code analytics_recount} computes from the group's memberships, active days and
 * purchases; the recount is rolled back, so the test changes nothing.
 */
public final class RunningCountsCheck {

    private RunningCountsCheck() {
    }

    public static void assertAgreesWithRecount(EntityManager entityManager, UUID group) {
        List<String> kept = QuarkusTransaction.requiringNew().call(() -> counts(entityManager, group));
        List<String> recounted;
        QuarkusTransaction.begin();
        try {
            entityManager.createNativeQuery("select count(*) from (select analytics_recount(cast(?1 as uuid))) r").setParameter(1, group.toString())
                    .getResultList();
            recounted = counts(entityManager, group);
        } finally {
            QuarkusTransaction.rollback();
        }
        assertThat(kept).as("running counts of group " + group).isNotEmpty().containsExactlyElementsOf(recounted);
    }

    @SuppressWarnings("unchecked")
    private static List<String> counts(EntityManager entityManager, UUID group) {
        List<String> rows = ((List<Object[]>) entityManager.createNativeQuery("""
                        select cast(day as text), period_starts, period_ends, wau, mau, awake from group_day where group_id = cast(?1 as uuid)
                        and (period_starts <> 0 or period_ends <> 0 or wau <> 0 or mau <> 0 or awake <> 0) order by day""")
                .setParameter(1, group.toString()).getResultList()).stream()
                .map(row -> "day " + Arrays.toString(row)).collect(Collectors.toCollection(ArrayList::new));
        ((List<Object[]>) entityManager.createNativeQuery("""
                        select cast(last_active_day as text), bucket, members from group_member_rank where group_id = cast(?1 as uuid)
                        and members <> 0 order by last_active_day, bucket""")
                .setParameter(1, group.toString()).getResultList())
                .forEach(row -> rows.add("rank " + Arrays.toString(row)));
        ((List<Object[]>) entityManager.createNativeQuery("""
                        select cast(week as text), new_members, returning_members, resurrecting_members, dormant_members from group_week
                        where group_id = cast(?1 as uuid) and (new_members <> 0 or returning_members <> 0 or resurrecting_members <> 0
                        or dormant_members <> 0) order by week""")
                .setParameter(1, group.toString()).getResultList())
                .forEach(row -> rows.add("week " + Arrays.toString(row)));
        ((List<Object[]>) entityManager.createNativeQuery(
                        "select cast(cohort_week as text), members from group_cohort where group_id = cast(?1 as uuid) and members <> 0 order by cohort_week")
                .setParameter(1, group.toString()).getResultList())
                .forEach(row -> rows.add("cohort " + Arrays.toString(row)));
        ((List<Object[]>) entityManager.createNativeQuery("""
                        select cast(cohort_week as text), cast(active_week as text), members from group_cohort_week
                        where group_id = cast(?1 as uuid) and members <> 0 order by cohort_week, active_week""")
                .setParameter(1, group.toString()).getResultList())
                .forEach(row -> rows.add("cohort week " + Arrays.toString(row)));
        ((List<Object[]>) entityManager.createNativeQuery("""
                        select cast(day as text), joined, activated, retained, converted, referred from group_funnel_day
                        where group_id = cast(?1 as uuid) and (joined <> 0 or activated <> 0 or retained <> 0 or converted <> 0 or referred <> 0)
                        order by day""")
                .setParameter(1, group.toString()).getResultList())
                .forEach(row -> rows.add("funnel " + Arrays.toString(row)));
        ((List<Object[]>) entityManager.createNativeQuery("""
                        select cast(member_id as text), cast(funnel_day as text), funnel_level from group_membership
                        where group_id = cast(?1 as uuid) and funnel_level <> 0 order by member_id""")
                .setParameter(1, group.toString()).getResultList())
                .forEach(row -> rows.add("funnel step " + Arrays.toString(row)));
        ((List<Object[]>) entityManager.createNativeQuery("""
                        select cast(day as text), cast(inviter_id as text), joins from group_inviter_day
                        where group_id = cast(?1 as uuid) and joins <> 0 order by day, inviter_id""")
                .setParameter(1, group.toString()).getResultList())
                .forEach(row -> rows.add("invited " + Arrays.toString(row)));
        ((List<Object[]>) entityManager.createNativeQuery("""
                        select cast(day as text), gap, members from group_active_gap
                        where group_id = cast(?1 as uuid) and members <> 0 order by day, gap""")
                .setParameter(1, group.toString()).getResultList())
                .forEach(row -> rows.add("gap " + Arrays.toString(row)));
        return rows;
    }
}
