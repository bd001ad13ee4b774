-- Entry fees seen on the purchase topic, one row per order and group: a redelivered or republished
-- purchase finds its order here and changes nothing. membership_id is set once it completed a membership.
create table entry_payment (
    order_id      uuid         not null,
    group_id      uuid         not null,
    member_id     uuid         not null,
    amount        bigint       not null,
    currency      varchar(3)   not null,
    paid_at       timestamptz  not null,
    membership_id uuid,
    primary key (order_id, group_id)
);
create index entry_payment_waiting on entry_payment (group_id, member_id) where membership_id is null;

-- Moderation strikes from message-flagged, one per flagged message. membership_id is the period the
-- strike counts against (null when the member was not in the group); cleared strikes no longer count.
create table moderation_strike (
    id             uuid         primary key,
    group_id       uuid         not null,
    member_id      uuid         not null,
    message_id     uuid         not null,
    matched_words  text[]       not null,
    flagged_at     timestamptz  not null,
    membership_id  uuid,
    cleared_at     timestamptz,
    cleared_by     uuid,
    unique (group_id, message_id)
);
create index moderation_strike_member on moderation_strike (group_id, member_id, flagged_at);
