package io.shequn.analytics.groups;

import io.shequn.analytics.activity.SqlValues;
import io.shequn.contracts.events.LifecycleStage;
import io.shequn.platform.paging.Page;
import io.shequn.platform.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/**
 * Groups side by side: which are alive and which make money. Health is the last assessment; WAU
 * the distinct active members in the 7 days ending on the day; GMV the 30 days ending on it in
 * one currency. Reads one row of running counts per group and the last 30 days of revenue, whatever
 * the groups' sizes and histories.
 */
@ApplicationScoped
public class GroupRanking {

    public enum Sort {
        HEALTH("score"), GMV("gmv"), ACTIVITY("wau");

        final String column;

        Sort(String column) {
            this.column = column;
        }
    }

    @Schema(name = "RankedGroup")
    public record Ranked(UUID groupId, @Schema(description = "Absent until group-created has been seen") String name, Integer score, LifecycleStage stage, LocalDate assessedDay, long wau,
                         @Schema(description = "GMV of the 30 days ending on the day, in minor units of the requested currency") long gmv30Days) {
    }

    @Inject
    EntityManager entityManager;

    /** @param only the groups to rank, or null for all */
    @Transactional
    @SuppressWarnings("unchecked")
    public Page<Ranked> rank(Sort sort, String currency, LocalDate day, List<UUID> only, PageRequest page) {
        if (only != null && only.isEmpty()) {
            return Page.of(List.of(), page, 0);
        }
        String filter = only == null ? "" : " where group_id in (:only)";
        String groups = "(select group_id from analytics_group union select group_id from group_health) g" ;
        var count = entityManager.createNativeQuery("select count(*) from " + groups + filter);
        var query = entityManager.createNativeQuery("""
                        with revenue as (select group_id, sum(amount) as gmv from group_revenue_day
                                         where currency = :currency and day between :monthStart and :day group by group_id)
                        select g.group_id, n.name, h.score, h.stage, h.assessed_day, coalesce(a.wau, 0) as wau, coalesce(r.gmv, 0) as gmv
                        from %s
                        left join analytics_group n on n.group_id = g.group_id
                        left join group_health h on h.group_id = g.group_id
                        left join group_day a on a.group_id = g.group_id and a.day = :day
                        left join revenue r on r.group_id = g.group_id
                        %s
                        order by %s desc nulls last, g.group_id
                        limit :limit offset :offset""".formatted(groups, filter.replace("group_id", "g.group_id"), sort.column))
                .setParameter("monthStart", day.minusDays(29)).setParameter("day", day)
                .setParameter("currency", currency).setParameter("limit", page.size()).setParameter("offset", page.offset());
        if (only != null) {
            count.setParameter("only", only);
            query.setParameter("only", only);
        }
        List<Ranked> items = ((List<Object[]>) query.getResultList()).stream()
                .map(row -> new Ranked((UUID) row[0], (String) row[1], row[2] == null ? null : ((Number) row[2]).intValue(),
                        row[3] == null ? null : LifecycleStage.valueOf((String) row[3]), SqlValues.localDate(row[4]),
                        ((Number) row[5]).longValue(), ((Number) row[6]).longValue()))
                .toList();
        return Page.of(items, page, ((Number) count.getSingleResult()).longValue());
    }
}
