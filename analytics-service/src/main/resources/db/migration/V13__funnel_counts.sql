-- Running counts of the AARRR funnel (docs/analytics.md, "Funnel, revenue and referrals"), so that
-- reading it never counts a group's members: per group and day of first join, the members who
-- joined, and of those the ones who made every step up to activated, retained, converted, referred.
-- group_membership keeps each member's step (funnel_level: 0 not joined, 1 joined, 2 activated,
-- 3 retained, 4 converted, 5 referred) and the day it is counted on (funnel_day). The listeners
-- (FunnelCounts) recompute the step of every member an event can move: a new active day
-- (activated, retained), a join (the joiner's first join, and the inviter it names: referred), a
-- purchase credited to or taken from a group (converted).
alter table group_membership
    add column funnel_day   date,
    add column funnel_level smallint not null default 0;

create table group_funnel_day (
    group_id  uuid not null,
    day       date not null,
    joined    int  not null default 0,
    activated int  not null default 0,
    retained  int  not null default 0,
    converted int  not null default 0,
    referred  int  not null default 0,
    primary key (group_id, day)
);

-- The funnel counts of one group recomputed from scratch, set-based, from its memberships, active
-- days and purchases (FunnelCounts does the same member by member as events arrive).
create function analytics_recount_funnel(g uuid) returns void language sql as $$
    with zone as (select coalesce((select time_zone from analytics_group where group_id = g), 'Asia/Shanghai') as name),
         joined as (select m.member_id, m.first_joined_at, cast(m.first_joined_at at time zone z.name as date) as join_day
                    from group_membership m, zone z where m.group_id = g and m.first_joined_at is not null),
         active as (select j.member_id,
                           count(*) filter (where a.day between j.join_day and j.join_day + 6) > 0 as activated,
                           count(*) filter (where a.day between j.join_day + 7 and j.join_day + 29) >= 2 as retained
                    from joined j join member_activity_day a on a.group_id = g and a.member_id = j.member_id group by j.member_id),
         bought as (select distinct j.member_id from joined j
                    join purchase_attribution p on p.group_id = g and p.member_id = j.member_id and p.purchased_at >= j.first_joined_at),
         referred as (select distinct inviter_id as member_id from group_membership where group_id = g and first_joined_at is not null),
         steps as (select j.member_id, j.join_day,
                          case when not coalesce(a.activated, false) then 1 when not a.retained then 2 when b.member_id is null then 3
                               when r.member_id is null then 4 else 5 end as level
                   from joined j left join active a on a.member_id = j.member_id left join bought b on b.member_id = j.member_id
                   left join referred r on r.member_id = j.member_id)
    update group_membership m set funnel_day = s.join_day, funnel_level = coalesce(s.level, 0)
    from group_membership o left join steps s on s.member_id = o.member_id
    where o.group_id = g and m.group_id = g and m.member_id = o.member_id;
    delete from group_funnel_day where group_id = g;
    insert into group_funnel_day (group_id, day, joined, activated, retained, converted, referred)
    select g, funnel_day, count(*), count(*) filter (where funnel_level >= 2), count(*) filter (where funnel_level >= 3),
           count(*) filter (where funnel_level >= 4), count(*) filter (where funnel_level >= 5)
    from group_membership where group_id = g and funnel_level > 0 group by funnel_day;
$$;

create or replace function analytics_recount(g uuid) returns void language sql as $$
    select analytics_recount_days(g);
    select analytics_recount_cohorts(g);
    select analytics_recount_funnel(g);
$$;

select analytics_recount_funnel(group_id) from (select distinct group_id from group_membership) g;
