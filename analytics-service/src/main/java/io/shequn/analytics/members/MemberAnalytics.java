package io.shequn.analytics.members;

import io.shequn.analytics.activity.SqlValues;
import io.shequn.analytics.revenue.Revenue;
import io.shequn.contracts.events.GroupRole;
import io.shequn.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;

/** One member across the suite, as analytics knows them: ids, times and counts, never profile data. */
@ApplicationScoped
public class MemberAnalytics {

    @Schema(name = "MemberAnalytics")
    public record MemberView(UUID memberId,
                             @Schema(description = "Absent until member-registered has been seen") Instant registeredAt,
                             Instant verifiedAt, Instant erasedAt,
                             @Schema(description = "Who invited them when registering or by a later claim") UUID invitedBy,
                             @Schema(description = "Members who registered with their invite code") long invitedMembers,
                             List<GroupView> groups,
                             @Schema(description = "Their own purchases per currency, attributed to a group or not") List<Revenue> purchases,
                             @Schema(description = "Purchases of members they invited into the group each purchase is credited to") List<Revenue> referredRevenue) {
    }

    @Schema(name = "MemberInGroup")
    public record GroupView(UUID groupId, GroupRole role, Instant firstJoinedAt, Instant joinedAt, Instant leftAt, boolean current,
                            UUID invitedBy, LocalDate firstActiveDay, LocalDate lastActiveDay,
                            @Schema(description = "Members who joined this group on their invitation") long invitedMembers) {
    }

    @Inject
    EntityManager entityManager;

    @Transactional
    @SuppressWarnings("unchecked")
    public MemberView member(UUID member) {
        List<?> rows = entityManager.createNativeQuery(
                        "select registered_at, verified_at, erased_at, invited_by from analytics_member where member_id = :member")
                .setParameter("member", member).getResultList();
        Object[] row = rows.isEmpty() ? new Object[4] : (Object[]) rows.get(0);
        long invited = ((Number) entityManager.createNativeQuery("select count(*) from analytics_member where invited_by = :member")
                .setParameter("member", member).getSingleResult()).longValue();
        List<GroupView> groups = ((List<Object[]>) entityManager.createNativeQuery("""
                        select m.group_id, m.role, m.first_joined_at, m.joined_at, m.left_at, m.inviter_id, m.first_active_day, m.last_active_day,
                               (select count(*) from group_membership r where r.group_id = m.group_id and r.inviter_id = m.member_id)
                        from group_membership m where m.member_id = :member order by m.first_joined_at nulls last, m.group_id""")
                .setParameter("member", member).getResultList()).stream()
                .map(g -> new GroupView((UUID) g[0], g[1] == null ? null : GroupRole.valueOf((String) g[1]), SqlValues.instant(g[2]),
                        SqlValues.instant(g[3]), SqlValues.instant(g[4]), g[3] != null && g[4] == null, (UUID) g[5],
                        SqlValues.localDate(g[6]), SqlValues.localDate(g[7]), ((Number) g[8]).longValue()))
                .toList();
        List<Revenue> purchases = revenue("member_id", member);
        if (rows.isEmpty() && groups.isEmpty() && purchases.isEmpty()) {
            throw new ProblemException(404, "not-found", "Not found", "Analytics has seen no event about member " + member);
        }
        return new MemberView(member, SqlValues.instant(row[0]), SqlValues.instant(row[1]), SqlValues.instant(row[2]), (UUID) row[3],
                invited, groups, purchases, revenue("inviter_id", member));
    }

    @SuppressWarnings("unchecked")
    private List<Revenue> revenue(String column, UUID member) {
        return ((List<Object[]>) entityManager.createNativeQuery("select currency, count(*), sum(amount) from purchase_attribution where "
                        + column + " = :member group by currency order by currency")
                .setParameter("member", member).getResultList()).stream()
                .map(row -> Revenue.fromRow(row, 0))
                .toList();
    }
}
