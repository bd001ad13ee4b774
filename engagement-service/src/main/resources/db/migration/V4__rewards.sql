-- The rewards catalogue (group_id null: a global reward) and redemptions. A redemption takes the
-- reward row lock by decrementing stock conditionally, so stock never goes below zero.
create table reward (
    id                uuid         primary key,
    group_id          uuid,
    name              text         not null,
    description       text,
    cost              bigint       not null check (cost > 0),
    stock             integer      not null check (stock >= 0),
    per_member_limit  integer      check (per_member_limit > 0),
    active_from       timestamptz,
    active_until      timestamptz,
    created_by        uuid,
    created_at        timestamptz  not null,
    check (active_from is null or active_until is null or active_from < active_until)
);
create index reward_group on reward (group_id, created_at);

create table redemption (
    id           uuid         primary key,
    reward_id    uuid         not null references reward (id),
    member_id    uuid         not null,
    group_id     uuid,
    cost         bigint       not null,
    request_id   uuid,
    redeemed_at  timestamptz  not null,
    -- A retried request (same request id) redeems once.
    constraint redemption_request_once unique (member_id, request_id)
);
create index redemption_reward_member on redemption (reward_id, member_id);
