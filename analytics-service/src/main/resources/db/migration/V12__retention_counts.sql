-- Running counts of the retention triangle (docs/analytics.md, "Cohorts and lifecycle"), so that
-- reading it never counts a group's members:
--   group_cohort: members per cohort week (the Monday of their first join, the group's calendar);
--   group_cohort_week: members of a cohort week active in a week (any week, also before the cohort).
-- A member's first active day of a week adds one to (their cohort, that week); a first join, or an
-- earlier first join consumed later, moves all of their weeks from the old cohort to the new one.
create table group_cohort (
    group_id    uuid not null,
    cohort_week date not null,
    members     int  not null,
    primary key (group_id, cohort_week)
);

create table group_cohort_week (
    group_id    uuid not null,
    cohort_week date not null,
    active_week date not null,
    members     int  not null,
    primary key (group_id, cohort_week, active_week)
);

-- The cohort counts of one group recomputed from its memberships and active days.
create function analytics_recount_cohorts(g uuid) returns void language sql as $$
    delete from group_cohort where group_id = g;
    delete from group_cohort_week where group_id = g;
    with zone as (select coalesce((select time_zone from analytics_group where group_id = g), 'Asia/Shanghai') as name)
    insert into group_cohort (group_id, cohort_week, members)
    select g, cast(date_trunc('week', m.first_joined_at at time zone z.name) as date), count(*)
    from group_membership m, zone z where m.group_id = g and m.first_joined_at is not null group by 2;
    with zone as (select coalesce((select time_zone from analytics_group where group_id = g), 'Asia/Shanghai') as name),
         weeks as (select distinct member_id, cast(date_trunc('week', day) as date) as week from member_activity_day where group_id = g)
    insert into group_cohort_week (group_id, cohort_week, active_week, members)
    select g, cast(date_trunc('week', m.first_joined_at at time zone z.name) as date), w.week, count(*)
    from weeks w join group_membership m on m.group_id = g and m.member_id = w.member_id, zone z
    where m.first_joined_at is not null group by 2, 3;
$$;

-- analytics_recount (V7) recounts these too from now on: the tests compare all running counts with it.
alter function analytics_recount(uuid) rename to analytics_recount_days;
create function analytics_recount(g uuid) returns void language sql as $$
    select analytics_recount_days(g);
    select analytics_recount_cohorts(g);
$$;

select analytics_recount_cohorts(group_id) from (select distinct group_id from group_membership) g;
