package io.shequn.engagement.leaderboard;

import io.shequn.engagement.Rows;
import io.shequn.engagement.group.GroupSettings;
import io.shequn.engagement.group.GroupSettingsService;
import io.shequn.engagement.membership.MembershipService;
import io.shequn.platform.auth.Caller;
import io.shequn.platform.paging.Page;
import io.shequn.platform.paging.PageRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.Query;
import jakarta.transaction.Transactional;

import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * Honours of a group, over current members only (removed, banned and departed members drop
 * out). Ties are broken deterministically: who got there first, then member id.
 */
@ApplicationScoped
public class LeaderboardService {

    @Inject
    EntityManager entityManager;

    @Inject
    MembershipService memberships;

    @Inject
    GroupSettingsService groups;

    @Inject
    Clock clock;

    /** Points earned in the group during the period (positive ledger entries of the group). */
    @Transactional
    public PointsLeaderboardResponse points(UUID groupId, Period period, PageRequest page, Caller caller) {
        authorize(groupId, caller);
        GroupSettings settings = groups.settings(groupId);
        Period.Range range = period.range(clock.instant(), settings.timeZone());
        String where = """
                from points_entry e
                join group_membership m on m.group_id = e.group_id and m.member_id = e.member_id and m.active
                where e.group_id = :group and e.delta > 0""" + (range.from() == null ? "" : " and e.created_at >= :from and e.created_at < :to");
        Query query = entityManager.createNativeQuery("select e.member_id, sum(e.delta) as points, max(e.created_at) as reached "
                + where + " group by e.member_id order by points desc, reached asc, e.member_id asc limit :limit offset :offset");
        Query count = entityManager.createNativeQuery("select count(distinct e.member_id) " + where);
        for (Query q : List.of(query, count)) {
            q.setParameter("group", groupId);
            if (range.from() != null) {
                q.setParameter("from", range.from()).setParameter("to", range.to());
            }
        }
        List<?> rows = query.setParameter("limit", page.size()).setParameter("offset", page.offset()).getResultList();
        List<PointsLeaderboardResponse.Entry> entries = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Object[] r = (Object[]) rows.get(i);
            entries.add(new PointsLeaderboardResponse.Entry(page.offset() + i + 1L, Rows.uuid(r[0]), Rows.number(r[1])));
        }
        return new PointsLeaderboardResponse(groupId, period, range.from(), range.to(),
                Page.of(entries, page, Rows.number(count.getSingleResult())));
    }

    /** Current check-in streaks (alive: the latest check-in was today or yesterday), longest first. */
    @Transactional
    public StreakLeaderboardResponse streaks(UUID groupId, PageRequest page, Caller caller) {
        authorize(groupId, caller);
        GroupSettings settings = groups.settings(groupId);
        LocalDate today = LocalDate.ofInstant(clock.instant(), settings.timeZone());
        String latest = """
                from (select distinct on (member_id) member_id, day, streak, checked_in_at
                      from check_in where group_id = :group and day <= :today order by member_id, day desc) c
                join group_membership m on m.group_id = :group and m.member_id = c.member_id and m.active
                where c.day >= :yesterday""";
        Query query = entityManager.createNativeQuery("select c.member_id, c.streak, c.day " + latest
                + " order by c.streak desc, c.checked_in_at asc, c.member_id asc limit :limit offset :offset");
        Query count = entityManager.createNativeQuery("select count(*) " + latest);
        for (Query q : List.of(query, count)) {
            q.setParameter("group", groupId).setParameter("today", today).setParameter("yesterday", today.minusDays(1));
        }
        List<?> rows = query.setParameter("limit", page.size()).setParameter("offset", page.offset()).getResultList();
        List<StreakLeaderboardResponse.Entry> entries = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            Object[] r = (Object[]) rows.get(i);
            entries.add(new StreakLeaderboardResponse.Entry(page.offset() + i + 1L, Rows.uuid(r[0]), Rows.integer(r[1]),
                    Rows.date(r[2])));
        }
        return new StreakLeaderboardResponse(groupId, today, Page.of(entries, page, Rows.number(count.getSingleResult())));
    }

    private void authorize(UUID groupId, Caller caller) {
        if (!caller.isOperator()) {
            memberships.requireMember(groupId, caller.memberId());
        }
    }
}
