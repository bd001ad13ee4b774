-- Running counts (docs/analytics.md, "Storage"): what the summary, the silent members, the ranking,
-- the lifecycle and the health assessment read, so that none of them counts a group's members per
-- request or per assessed event. Each is kept by the listeners as events arrive, in any order.

-- Per group and day, in the group's calendar:
--   period_starts / period_ends: current membership periods (group_membership.joined_at / left_at)
--     that began / ended that day. Members at the end of day D = sum(period_starts - period_ends)
--     over the days up to D.
--   wau / mau: WAU and MAU of the day. Each active day of a member counts the member on the days
--     from it until 7 (30) days later or their next active day, whichever comes first, so a new
--     active day changes at most 30 rows, and the rows exist for days without events too.
--   awake: the same over 14 days, counted only on the days the member is a member at their end:
--     members at the end of D active in the 14 days ending on D. Silent members = members - awake.
alter table group_day
    add column period_starts int not null default 0,
    add column period_ends   int not null default 0,
    add column wau           int not null default 0,
    add column mau           int not null default 0,
    add column awake         int not null default 0;

-- The lifecycle per group and week (Monday, the group's calendar), as docs/analytics.md defines it:
-- a member active in the week counts as new (their first active week), returning (active the week
-- before) or resurrecting (otherwise); one active the week before and not in this one as dormant.
create table group_week (
    group_id             uuid not null,
    week                 date not null,
    new_members          int  not null default 0,
    returning_members    int  not null default 0,
    resurrecting_members int  not null default 0,
    dormant_members      int  not null default 0,
    primary key (group_id, week)
);

-- Current members (joined, not left) per last active day ('-infinity' for never active), the order
-- of the silent-member list. bucket -1 counts the day's members, buckets 0-255 those whose id begins
-- with that byte: a page deep in the list is found by adding up at most a few hundred counts, and
-- read from group_membership_silent with a short offset.
create table group_member_rank (
    group_id        uuid     not null,
    last_active_day date     not null,
    bucket          smallint not null,
    members         int      not null,
    primary key (group_id, last_active_day, bucket)
);
create index group_membership_silent on group_membership (group_id, (coalesce(last_active_day, '-infinity'::date)), member_id)
    where joined_at is not null and left_at is null;

-- The counts of one group recomputed from its memberships and active days: the set-based
-- definition of what the listeners keep incrementally. Used below for the groups already stored,
-- and by tests to check that the incremental counts agree with it.
create function analytics_recount(g uuid) returns void language sql as $$
    update group_day set period_starts = 0, period_ends = 0, wau = 0, mau = 0, awake = 0 where group_id = g;
    with zone as (select coalesce((select time_zone from analytics_group where group_id = g), 'Asia/Shanghai') as name),
         periods as (select m.member_id, cast(m.joined_at at time zone z.name as date) as joined,
                            cast(m.left_at at time zone z.name as date) as ended
                     from group_membership m, zone z where m.group_id = g and m.joined_at is not null),
         days as (select a.member_id, a.day, lead(a.day) over (partition by a.member_id order by a.day) as next
                  from member_activity_day a where a.group_id = g),
         awake as (select greatest(d.day, p.joined) as from_day,
                          least(d.day + 14, coalesce(d.next, d.day + 14), coalesce(p.ended, d.day + 14)) as until_day
                   from days d join periods p on p.member_id = d.member_id),
         changes as (
             select joined as day, 1 as starts, 0 as ends, 0 as wau, 0 as mau, 0 as awake from periods
             union all select ended, 0, 1, 0, 0, 0 from periods where ended is not null
             union all select day, 0, 0, 1, 1, 0 from days
             union all select least(day + 7, coalesce(next, day + 7)), 0, 0, -1, 0, 0 from days
             union all select least(day + 30, coalesce(next, day + 30)), 0, 0, 0, -1, 0 from days
             union all select from_day, 0, 0, 0, 0, 1 from awake where from_day < until_day
             union all select until_day, 0, 0, 0, 0, -1 from awake where from_day < until_day),
         per_day as (select day, sum(starts) as starts, sum(ends) as ends, sum(wau) as wau, sum(mau) as mau, sum(awake) as awake
                     from changes group by day),
         every_day as (select cast(d as date) as day from generate_series((select min(day) from per_day), (select max(day) from per_day),
                                                                          interval '1 day') d),
         running as (select e.day, coalesce(p.starts, 0) as starts, coalesce(p.ends, 0) as ends,
                            sum(coalesce(p.wau, 0)) over w as wau, sum(coalesce(p.mau, 0)) over w as mau,
                            sum(coalesce(p.awake, 0)) over w as awake
                     from every_day e left join per_day p on p.day = e.day window w as (order by e.day))
    insert into group_day (group_id, day, period_starts, period_ends, wau, mau, awake)
    select g, day, starts, ends, wau, mau, awake from running where starts <> 0 or ends <> 0 or wau <> 0 or mau <> 0 or awake <> 0
    on conflict (group_id, day) do update set period_starts = excluded.period_starts, period_ends = excluded.period_ends,
        wau = excluded.wau, mau = excluded.mau, awake = excluded.awake;
    delete from group_week where group_id = g;
    with weeks as (select distinct member_id, cast(date_trunc('week', day) as date) as week from member_activity_day where group_id = g),
         seq as (select week, lag(week) over m as previous, lead(week) over m as next from weeks window m as (partition by member_id order by week)),
         changes as (select week, case when previous is null then 1 else 0 end as fresh, case when previous = week - 7 then 1 else 0 end as came_back,
                            case when previous < week - 7 then 1 else 0 end as resurrecting, 0 as dormant from seq
                     union all select week + 7, 0, 0, 0, 1 from seq where next is null or next > week + 7)
    insert into group_week (group_id, week, new_members, returning_members, resurrecting_members, dormant_members)
    select g, week, sum(fresh), sum(came_back), sum(resurrecting), sum(dormant) from changes group by week;
    delete from group_member_rank where group_id = g;
    insert into group_member_rank (group_id, last_active_day, bucket, members)
    select g, coalesce(last_active_day, '-infinity'::date), bucket, count(*)
    from group_membership m, lateral (values (-1), (get_byte(uuid_send(m.member_id), 0))) b(bucket)
    where m.group_id = g and m.joined_at is not null and m.left_at is null
    group by 2, 3;
$$;

select analytics_recount(group_id) from (select distinct group_id from group_membership) g;
