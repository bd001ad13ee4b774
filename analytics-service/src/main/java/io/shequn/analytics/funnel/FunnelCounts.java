package io.shequn.analytics.funnel;

import io.shequn.platform.sql.BulkSql;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;

import java.util.Arrays;
import java.util.List;

/**
 * Keeps the funnel's running counts (V13__funnel_counts.sql, group_funnel_day) as events arrive:
 * the listeners name the members whose step an event may have changed, after writing the event,
 * and one statement recomputes those members' steps from their own rows (group_membership keeps
 * each member's step and the day it is counted on) and moves them between the counts. So an event
 * costs what its members' rows cost, never what the group's members do, in any order of arrival.
 * {@code analytics_recount_funnel(group)} computes the same for a whole group; tests compare the two.
 */
@ApplicationScoped
public class FunnelCounts {

    /** Steps: 0 not joined, 1 joined, 2 activated, 3 retained, 4 converted, 5 referred (each implies those before it). */
    private static final String REFRESH = """
            with keys as (select distinct group_id, member_id from unnest(?::uuid[], ?::uuid[]) as k(group_id, member_id)),
                 member as (
                     select m.group_id, m.member_id, m.funnel_day as old_day, m.funnel_level as old_level, m.first_joined_at,
                            cast(m.first_joined_at at time zone coalesce(g.time_zone, 'Asia/Shanghai') as date) as join_day
                     from keys k join group_membership m on m.group_id = k.group_id and m.member_id = k.member_id
                     left join analytics_group g on g.group_id = m.group_id
                     for update of m),
                 level as (
                     select s.*, case
                         when s.first_joined_at is null then 0
                         when not exists (select 1 from member_activity_day a where a.group_id = s.group_id and a.member_id = s.member_id
                                          and a.day between s.join_day and s.join_day + 6) then 1
                         when (select count(*) from member_activity_day a where a.group_id = s.group_id and a.member_id = s.member_id
                               and a.day between s.join_day + 7 and s.join_day + 29) < 2 then 2
                         when not exists (select 1 from purchase_attribution p where p.member_id = s.member_id and p.group_id = s.group_id
                                          and p.purchased_at >= s.first_joined_at) then 3
                         when not exists (select 1 from group_membership r where r.group_id = s.group_id and r.inviter_id = s.member_id
                                          and r.first_joined_at is not null) then 4
                         else 5 end as new_level
                     from member s),
                 changed as (
                     update group_membership m set funnel_day = l.join_day, funnel_level = l.new_level
                     from level l where m.group_id = l.group_id and m.member_id = l.member_id
                       and (l.old_level <> l.new_level or l.old_day is distinct from l.join_day)
                     returning l.group_id, l.old_day, l.old_level, l.join_day, l.new_level),
                 deltas as (
                     select group_id, old_day as day, old_level as level, -1 as sign from changed where old_level > 0
                     union all select group_id, join_day, new_level, 1 from changed where new_level > 0)
            insert into group_funnel_day (group_id, day, joined, activated, retained, converted, referred)
            select group_id, day, sum(sign), sum(case when level >= 2 then sign else 0 end), sum(case when level >= 3 then sign else 0 end),
                   sum(case when level >= 4 then sign else 0 end), sum(case when level >= 5 then sign else 0 end)
            from deltas group by group_id, day
            on conflict (group_id, day) do update set joined = group_funnel_day.joined + excluded.joined,
                activated = group_funnel_day.activated + excluded.activated, retained = group_funnel_day.retained + excluded.retained,
                converted = group_funnel_day.converted + excluded.converted, referred = group_funnel_day.referred + excluded.referred""";

    @Inject
    EntityManager entityManager;

    /**
     * {group, member} pairs (duplicates allowed; a pair naming no one, such as a join's absent
     * inviter, is skipped) whose activity, first join, invitees or purchases in the group changed:
     * one statement for all of them.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void membersChanged(List<Object[]> groupMembers) {
        List<Object[]> named = groupMembers.stream().filter(pair -> pair[0] != null && pair[1] != null).toList();
        if (!named.isEmpty()) {
            BulkSql.update(entityManager, REFRESH, named);
        }
    }

    @Transactional(Transactional.TxType.MANDATORY)
    public void membersChanged(Object[]... groupMembers) {
        membersChanged(Arrays.asList(groupMembers));
    }
}
