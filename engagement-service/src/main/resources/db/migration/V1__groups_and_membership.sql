-- What engagement-service knows of groups, all of it projected from group-service's events
-- (group-created, member-joined, member-left, member-role-changed), plus the group's own
-- engagement rules, which owners and admins set here.

create table engagement_group (
    group_id                 uuid         primary key,
    time_zone                text         not null default 'Asia/Shanghai',
    owner_id                 uuid,
    check_in_base_points     bigint       not null default 10 check (check_in_base_points >= 0),
    check_in_streak_step     bigint       not null default 2 check (check_in_streak_step >= 0),
    check_in_streak_cap      bigint       not null default 20 check (check_in_streak_cap >= 0),
    check_in_weekly_bonus    bigint       not null default 50 check (check_in_weekly_bonus >= 0),
    message_points           bigint       not null default 1 check (message_points >= 0),
    message_daily_cap        bigint       not null default 20 check (message_daily_cap >= 0),
    updated_at               timestamptz  not null default now()
);

-- One row per (group, member) ever seen. Events of different topics may arrive out of order,
-- so each change is applied only if it is newer than the last one applied (changed_at for
-- joined/left, role_changed_at for the role).
create table group_membership (
    group_id         uuid         not null,
    member_id        uuid         not null,
    role             text         not null,
    active           boolean      not null,
    left_reason      text,
    joined_at        timestamptz,
    left_at          timestamptz,
    changed_at       timestamptz  not null,
    role_changed_at  timestamptz  not null,
    primary key (group_id, member_id)
);
create index group_membership_member on group_membership (member_id);
