package io.shequn.analytics.health;

import io.shequn.analytics.activity.SqlValues;
import io.shequn.analytics.groups.DayWindow;
import io.shequn.contracts.events.LifecycleStage;
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
import java.util.List;
import java.util.UUID;

/** The history of lifecycle stages: every change {@link GroupHealthService} published as group-health-changed. */
@ApplicationScoped
public class StageChanges {

    @Schema(name = "StageChange")
    public record StageChange(UUID groupId,
                              @Schema(description = "Absent until group-created has been seen") String groupName,
                              LifecycleStage stage, LifecycleStage previousStage,
                              @Schema(example = "41") int score,
                              @Schema(description = "The day assessed, in the group's time zone") LocalDate assessedDay,
                              @Schema(description = "The moment of the event (or sweep) that triggered the assessment") Instant changedAt) {
    }

    @Inject
    EntityManager entityManager;

    /**
     * Changes whose assessed day falls in the window, newest first.
     *
     * @param only the groups to list, or null for all
     */
    @Transactional
    @SuppressWarnings("unchecked")
    public Page<StageChange> list(DayWindow window, List<UUID> only, PageRequest page) {
        if (only != null && only.isEmpty()) {
            return Page.of(List.of(), page, 0);
        }
        String where = " where c.assessed_day between :from and :to" + (only == null ? "" : " and c.group_id in (:only)");
        Query count = scoped(entityManager.createNativeQuery("select count(*) from group_stage_change c" + where), window, only);
        Query rows = scoped(entityManager.createNativeQuery("""
                        select c.group_id, g.name, c.stage, c.previous_stage, c.score, c.assessed_day, c.changed_at
                        from group_stage_change c left join analytics_group g on g.group_id = c.group_id %s
                        order by c.changed_at desc, c.group_id limit :limit offset :offset""".formatted(where)), window, only)
                .setParameter("limit", page.size()).setParameter("offset", page.offset());
        List<StageChange> items = ((List<Object[]>) rows.getResultList()).stream()
                .map(row -> new StageChange((UUID) row[0], (String) row[1], LifecycleStage.valueOf((String) row[2]),
                        LifecycleStage.valueOf((String) row[3]), ((Number) row[4]).intValue(), SqlValues.localDate(row[5]),
                        SqlValues.instant(row[6])))
                .toList();
        return Page.of(items, page, SqlValues.number(count.getSingleResult()));
    }

    private static Query scoped(Query query, DayWindow window, List<UUID> only) {
        query.setParameter("from", window.from()).setParameter("to", window.to());
        return only == null ? query : query.setParameter("only", only);
    }
}
