package io.shequn.analytics;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The running counts the listeners kept for a group (V7__running_counts.sql, V12 to V14 and V16's kol_cover) must
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

    private static List<String> counts(EntityManager entityManager, UUID group) {
        List<String> rows = new ArrayList<>();
        add(rows, entityManager, group, "day", """
                        select cast(day as text), period_starts, period_ends, wau, mau, awake from group_day where group_id = cast(?1 as uuid)
                        and (period_starts <> 0 or period_ends <> 0 or wau <> 0 or mau <> 0 or awake <> 0) order by day""");
        add(rows, entityManager, group, "rank", """
                        select cast(last_active_day as text), bucket, members from group_member_rank where group_id = cast(?1 as uuid)
                        and members <> 0 order by last_active_day, bucket""");
        add(rows, entityManager, group, "week", """
                        select cast(week as text), new_members, returning_members, resurrecting_members, dormant_members from group_week
                        where group_id = cast(?1 as uuid) and (new_members <> 0 or returning_members <> 0 or resurrecting_members <> 0
                        or dormant_members <> 0) order by week""");
        add(rows, entityManager, group, "cohort",
                "select cast(cohort_week as text), members from group_cohort where group_id = cast(?1 as uuid) and members <> 0 order by cohort_week");
        add(rows, entityManager, group, "cohort week", """
                        select cast(cohort_week as text), cast(active_week as text), members from group_cohort_week
                        where group_id = cast(?1 as uuid) and members <> 0 order by cohort_week, active_week""");
        add(rows, entityManager, group, "funnel", """
                        select cast(day as text), joined, activated, retained, converted, referred from group_funnel_day
                        where group_id = cast(?1 as uuid) and (joined <> 0 or activated <> 0 or retained <> 0 or converted <> 0 or referred <> 0)
                        order by day""");
        add(rows, entityManager, group, "funnel step", """
                        select cast(member_id as text), cast(funnel_day as text), funnel_level from group_membership
                        where group_id = cast(?1 as uuid) and funnel_level <> 0 order by member_id""");
        add(rows, entityManager, group, "invited", """
                        select cast(day as text), cast(inviter_id as text), joins from group_inviter_day
                        where group_id = cast(?1 as uuid) and joins <> 0 order by day, inviter_id""");
        add(rows, entityManager, group, "gap", """
                        select cast(day as text), gap, members from group_active_gap
                        where group_id = cast(?1 as uuid) and members <> 0 order by day, gap""");
        add(rows, entityManager, group, "kol cover", """
                        select span, cast(first_day as text), cast(member_id as text), upper from kol_cover
                        where group_id = cast(?1 as uuid) and upper <> 0 order by span, first_day, member_id""");
        return rows;
    }

    /** Adds the rows {@code sql} selects for the group (bound as ?1), each as {@code name} and its columns. */
    @SuppressWarnings("unchecked")
    private static void add(List<String> rows, EntityManager entityManager, UUID group, String name, String sql) {
        ((List<Object[]>) entityManager.createNativeQuery(sql).setParameter(1, group.toString()).getResultList())
                .forEach(row -> rows.add(name + " " + Arrays.toString(row)));
    }
}
