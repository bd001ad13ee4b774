package io.shequn.analytics.members;

import io.shequn.analytics.activity.SqlValues;
import io.shequn.analytics.groups.DayWindow;
import io.shequn.analytics.revenue.Attribution;
import io.shequn.analytics.revenue.Revenue;
import io.shequn.contracts.events.GroupRole;
import io.shequn.platform.paging.Page;
import io.shequn.platform.paging.PageRequest;
import io.shequn.platform.problem.ProblemException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
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
    public record GroupView(UUID groupId, @Schema(description = "Absent until group-created has been seen") String groupName, GroupRole role, Instant firstJoinedAt, Instant joinedAt, Instant leftAt, boolean current,
                            UUID invitedBy, LocalDate firstActiveDay, LocalDate lastActiveDay,
                            @Schema(description = "Members who joined this group on their invitation") long invitedMembers) {
    }

    @Schema(name = "MemberActivityDay")
    public record ActivityDay(LocalDate day,
                              @Schema(description = "The groups they were active in on the day (each group's calendar day)") List<UUID> groups,
                              @Schema(description = "Messages they posted that day, all groups together") long messages) {
    }

    @Schema(name = "MemberActivity")
    public record Activity(UUID memberId, DayWindow window, @Schema(description = "One item per day of the window") List<ActivityDay> days) {
    }

    @Schema(name = "MemberPurchase")
    public record Purchase(UUID orderId,
                           @Schema(description = "The group it is credited to; absent when unattributed") UUID groupId,
                           String groupName,
                           @Schema(description = "How it was attributed: named by the shop (groupId, or an entry-fee sku), the last touch within 7 days, or not at all") Attribution.Rule rule,
                           @Schema(example = "CNY") String currency,
                           @Schema(description = "Minor units", example = "19900") long amount,
                           Instant purchasedAt) {
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
                               (select count(*) from group_membership r where r.group_id = m.group_id and r.inviter_id = m.member_id), g.name
                        from group_membership m left join analytics_group g on g.group_id = m.group_id
                        where m.member_id = :member order by m.first_joined_at nulls last, m.group_id""")
                .setParameter("member", member).getResultList()).stream()
                .map(g -> new GroupView((UUID) g[0], (String) g[9], g[1] == null ? null : GroupRole.valueOf((String) g[1]), SqlValues.instant(g[2]),
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

    /** The member's active days and messages, day by day; days without activity included. */
    @Transactional
    @SuppressWarnings("unchecked")
    public Activity activity(UUID member, DayWindow window) {
        Map<LocalDate, List<UUID>> groups = new HashMap<>();
        ((List<Object[]>) entityManager.createNativeQuery("""
                        select day, group_id from member_activity_day where member_id = :member and day between :from and :to order by day, group_id""")
                .setParameter("member", member).setParameter("from", window.from()).setParameter("to", window.to())
                .getResultList())
                .forEach(row -> groups.computeIfAbsent(SqlValues.localDate(row[0]), k -> new ArrayList<>()).add((UUID) row[1]));
        Map<LocalDate, Long> messages = new HashMap<>();
        ((List<Object[]>) entityManager.createNativeQuery("""
                        select day, sum(messages) from member_influence_day where member_id = :member and day between :from and :to group by day""")
                .setParameter("member", member).setParameter("from", window.from()).setParameter("to", window.to())
                .getResultList())
                .forEach(row -> messages.put(SqlValues.localDate(row[0]), SqlValues.number(row[1])));
        List<ActivityDay> days = new ArrayList<>();
        for (LocalDate day = window.from(); !day.isAfter(window.to()); day = day.plusDays(1)) {
            days.add(new ActivityDay(day, groups.getOrDefault(day, List.of()), messages.getOrDefault(day, 0L)));
        }
        return new Activity(member, window, days);
    }

    /** The member's own purchases, newest first. */
    @Transactional
    @SuppressWarnings("unchecked")
    public Page<Purchase> purchases(UUID member, PageRequest page) {
        List<Purchase> items = ((List<Object[]>) entityManager.createNativeQuery("""
                        select p.order_id, p.group_id, g.name, p.rule, p.currency, p.amount, p.purchased_at
                        from purchase_attribution p left join analytics_group g on g.group_id = p.group_id
                        where p.member_id = :member order by p.purchased_at desc, p.order_id limit :limit offset :offset""")
                .setParameter("member", member).setParameter("limit", page.size()).setParameter("offset", page.offset())
                .getResultList()).stream()
                .map(row -> new Purchase((UUID) row[0], (UUID) row[1], (String) row[2], Attribution.Rule.valueOf((String) row[3]),
                        ((String) row[4]).strip(), ((Number) row[5]).longValue(), SqlValues.instant(row[6])))
                .toList();
        long total = SqlValues.number(entityManager.createNativeQuery("select count(*) from purchase_attribution where member_id = :member")
                .setParameter("member", member).getSingleResult());
        return Page.of(items, page, total);
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
