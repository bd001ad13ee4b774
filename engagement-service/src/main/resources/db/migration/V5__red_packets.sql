-- Red packets (红包). The shares are drawn when the packet is sent (double-mean rule) and kept
-- here, unseen by anyone until grabbed. A grab claims the first unclaimed share with
-- FOR UPDATE SKIP LOCKED, so concurrent grabbers take different shares without queueing behind
-- each other; only the short counter update at the end of each grab touches the packet row,
-- which also serialises grabs with expiry: a packet is finished (grabbed out or expired, with
-- its refund) exactly once.
create table red_packet (
    id               uuid         primary key,
    group_id         uuid         not null,
    sender_id        uuid         not null,
    currency         text         not null check (currency = 'POINTS' or currency ~ '^[A-Z]{3}$'),
    total_amount     bigint       not null,
    share_count      integer      not null check (share_count between 1 and 1000),
    greeting         text,
    request_id       uuid,
    sent_at          timestamptz  not null,
    expires_at       timestamptz  not null,
    grabbed_count    integer      not null default 0,
    grabbed_amount   bigint       not null default 0,
    finished_at      timestamptz,
    finish_reason    text         check (finish_reason in ('GRABBED_OUT', 'EXPIRED')),
    refunded_amount  bigint,
    check (total_amount >= share_count),
    check (grabbed_count <= share_count and grabbed_amount <= total_amount),
    check ((finished_at is null) = (finish_reason is null) and (finished_at is null) = (refunded_amount is null)),
    check (refunded_amount is null or grabbed_amount + refunded_amount = total_amount),
    -- A retried send (same Idempotency-Key) sends once.
    constraint red_packet_request_once unique (sender_id, request_id)
);
create index red_packet_group on red_packet (group_id, sent_at desc, id);
-- What the expiry job looks for: unfinished packets by expiry time.
create index red_packet_due on red_packet (expires_at) where finished_at is null;

create table red_packet_share (
    packet_id   uuid         not null references red_packet (id),
    seq         integer      not null,
    amount      bigint       not null check (amount > 0),
    member_id   uuid,
    grabbed_at  timestamptz,
    primary key (packet_id, seq),
    check ((member_id is null) = (grabbed_at is null))
);
-- One share per member and packet: a concurrent second grab by the same member fails here and
-- answers with the first.
create unique index red_packet_share_member_once on red_packet_share (packet_id, member_id) where member_id is not null;
