-- Shared by every service (platform module). Service migrations start at V1.

-- Transactional outbox: rows are written in the same transaction as the state change they
-- describe and relayed to Kafka after commit. seq keeps the relay in commit-ish order.
create table outbox_event (
    seq          bigserial    primary key,
    event_id     uuid         not null unique,
    topic        text         not null,
    record_key   text         not null,
    type         text         not null,
    source       text         not null,
    subject      text,
    event_time   timestamptz  not null,
    data         jsonb        not null,
    traceparent  text,
    created_at   timestamptz  not null default now(),
    published_at timestamptz
);
create index outbox_event_unpublished on outbox_event (seq) where published_at is null;
create index outbox_event_published_at on outbox_event (published_at) where published_at is not null;

-- Idempotent inbox: the ids of applied events, written in the same transaction as their effect.
-- CloudEvents ids are unique per source, so the pair is the key.
create table inbox_event (
    source       text         not null,
    event_id     text         not null,
    topic        text         not null,
    processed_at timestamptz  not null default now(),
    primary key (source, event_id)
);
