-- Members known to be real-name verified (member-verified from member-service), for lotteries
-- that require it.
create table verified_member (
    member_id    uuid         primary key,
    verified_at  timestamptz  not null
);

-- Lotteries (抽奖) with a commit–reveal draw (docs/lotteries.md). seed stays secret until the draw;
-- seed_hash is public from creation, entry_list_hash from the close of entries. Entries hold a
-- share lock on the lottery row while they are made and closing takes it exclusively, so the
-- hashed entry list is exactly the list of entries; the draw and a cancellation take it
-- exclusively too, so each happens once.
create table lottery (
    id                 uuid         primary key,
    group_id           uuid         not null,
    title              text         not null,
    entry_cost         bigint       not null check (entry_cost >= 0),
    min_check_in_days  integer      check (min_check_in_days between 1 and 7),
    min_member_days    integer      check (min_member_days >= 1),
    require_verified   boolean      not null,
    entries_close_at   timestamptz  not null,
    draw_at            timestamptz  not null,
    seed               bytea        not null check (length(seed) = 32),
    seed_hash          text         not null,
    entry_list_hash    text,
    entrants           integer,
    status             text         not null check (status in ('OPEN', 'CLOSED', 'DRAWN', 'CANCELLED')),
    created_by         uuid         not null,
    created_at         timestamptz  not null,
    closed_at          timestamptz,
    drawn_at           timestamptz,
    cancelled_at       timestamptz,
    check (draw_at >= entries_close_at),
    check ((status in ('OPEN', 'CANCELLED')) or entry_list_hash is not null)
);
create index lottery_group on lottery (group_id, created_at desc, id);
-- What the lottery job looks for: lotteries to close or to draw.
create index lottery_due on lottery (entries_close_at, draw_at) where status in ('OPEN', 'CLOSED');

create table lottery_prize (
    lottery_id  uuid     not null references lottery (id),
    position    integer  not null check (position >= 1),
    name        text     not null,
    quantity    integer  not null check (quantity between 1 and 1000),
    points      bigint   check (points > 0),
    primary key (lottery_id, position)
);

-- One entry per member and lottery: of concurrent entries by one member one inserts, the others
-- wait for it and find it.
create table lottery_entry (
    lottery_id  uuid         not null references lottery (id),
    member_id   uuid         not null,
    cost        bigint       not null check (cost >= 0),
    entered_at  timestamptz  not null,
    primary key (lottery_id, member_id)
);

-- The winners in draw order.
create table lottery_winner (
    lottery_id      uuid     not null references lottery (id),
    draw            integer  not null check (draw >= 1),
    prize_position  integer  not null,
    member_id       uuid     not null,
    primary key (lottery_id, draw),
    unique (lottery_id, member_id)
);
