-- Group activity read models (definitions: docs/analytics.md). Queries read rollups whose size
-- grows with days and active member-days, never with the number of raw events.

create table analytics_group (
    group_id   uuid        primary key,
    time_zone  varchar(64) not null,
    created_at timestamptz not null
);

-- Current and past membership; a rejoin starts a new period in place. joined_at is null while
-- only the member-left of a period has arrived (the two topics are not ordered with each other).
create table group_membership (
    group_id  uuid        not null,
    member_id uuid        not null,
    joined_at timestamptz,
    left_at   timestamptz,
    primary key (group_id, member_id)
);

-- One row per member per group per active day (posted, checked in, grabbed a red packet, attended).
create table member_activity_day (
    group_id  uuid not null,
    member_id uuid not null,
    day       date not null,
    primary key (group_id, day, member_id)
);
create index member_activity_day_member on member_activity_day (group_id, member_id, day);

-- Per group per day counters.
create table group_day (
    group_id       uuid not null,
    day            date not null,
    active_members int  not null default 0,
    messages       int  not null default 0,
    check_ins      int  not null default 0,
    red_packets    int  not null default 0,
    attendances    int  not null default 0,
    joins          int  not null default 0,
    leaves         int  not null default 0,
    primary key (group_id, day)
);
