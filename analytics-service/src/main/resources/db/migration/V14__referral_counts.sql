-- Running counts of the referrals (docs/analytics.md, "Funnel, revenue and referrals"), so that
-- reading them never counts a group's members:
--   group_inviter_day: first joins per group, day of first join and the inviter they name;
--   group_active_gap: per group and day, the members active that day by the days since their
--     previous active day in the group (gap; 366 for "366 or more, or never", as a window has at most
--     366 days). The distinct members active in a window [from, to] are those whose active day in it
--     has a gap larger than day - from: each member counts once, on their first active day in it.
-- A new active day adds its own gap and changes the gap of the member's next active day.
create table group_inviter_day (
    group_id   uuid not null,
    day        date not null,
    inviter_id uuid not null,
    joins      int  not null,
    primary key (group_id, day, inviter_id)
);

create table group_active_gap (
    group_id uuid     not null,
    day      date     not null,
    gap      smallint not null,
    members  int      not null,
    primary key (group_id, day, gap)
);

-- The referral counts of one group recomputed from its memberships and active days.
create function analytics_recount_referrals(g uuid) returns void language sql as $$
    delete from group_inviter_day where group_id = g;
    delete from group_active_gap where group_id = g;
    with zone as (select coalesce((select time_zone from analytics_group where group_id = g), 'Asia/Shanghai') as name)
    insert into group_inviter_day (group_id, day, inviter_id, joins)
    select g, cast(m.first_joined_at at time zone z.name as date), m.inviter_id, count(*)
    from group_membership m, zone z where m.group_id = g and m.first_joined_at is not null and m.inviter_id is not null group by 2, 3;
    insert into group_active_gap (group_id, day, gap, members)
    select g, day, least(coalesce(day - previous, 366), 366), count(*)
    from (select day, lag(day) over (partition by member_id order by day) as previous from member_activity_day where group_id = g) d
    group by 2, 3;
$$;

create or replace function analytics_recount(g uuid) returns void language sql as $$
    select analytics_recount_days(g);
    select analytics_recount_cohorts(g);
    select analytics_recount_funnel(g);
    select analytics_recount_referrals(g);
$$;

select analytics_recount_referrals(group_id) from (select distinct group_id from group_membership) g;
