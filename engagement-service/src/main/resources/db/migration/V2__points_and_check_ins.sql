-- The points ledger: append-only entries, one balance row per member that is the lock every
-- change of that member's points takes, so the balance never goes negative under concurrency.
create table points_account (
    member_id   uuid         primary key,
    balance     bigint       not null default 0 check (balance >= 0),
    updated_at  timestamptz  not null default now()
);

create table points_entry (
    id             uuid         primary key,
    member_id      uuid         not null,
    group_id       uuid,
    delta          bigint       not null check (delta <> 0),
    balance_after  bigint       not null check (balance_after >= 0),
    reason         text         not null,
    reference_id   uuid         not null,
    actor_id       uuid,
    note           text,
    created_at     timestamptz  not null,
    -- Whatever caused a change applies at most once: a redelivered event never awards twice.
    constraint points_entry_once unique (member_id, reason, reference_id)
);
create index points_entry_member on points_entry (member_id, created_at desc, id);
create index points_entry_group on points_entry (group_id, created_at) where group_id is not null;

create function points_entry_is_append_only() returns trigger language plpgsql as $$
begin
    raise exception 'points_entry is append-only';
end $$;
create trigger points_entry_append_only before update or delete on points_entry
    for each row execute function points_entry_is_append_only();

-- One check-in per member, group and day (in the group's time zone).
create table check_in (
    id              uuid         primary key,
    group_id        uuid         not null,
    member_id       uuid         not null,
    day             date         not null,
    streak          integer      not null check (streak >= 1),
    points_awarded  bigint       not null check (points_awarded >= 0),
    checked_in_at   timestamptz  not null,
    constraint check_in_once_a_day unique (group_id, member_id, day)
);
create index check_in_group_day on check_in (group_id, day);
