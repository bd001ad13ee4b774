-- Purchase attribution (docs/analytics.md). member_touch keeps when a member was active in which
-- group, so a purchase can be credited to the group of the last touch within 7 days before it.
create table member_touch (
    member_id uuid        not null,
    group_id  uuid        not null,
    at        timestamptz not null,
    primary key (member_id, at, group_id)
);

create table purchase_attribution (
    order_id     uuid        primary key,
    member_id    uuid        not null,
    group_id     uuid,
    rule         varchar(16) not null,
    amount       bigint      not null,
    currency     char(3)     not null,
    purchased_at timestamptz not null
);

create table group_revenue_day (
    group_id  uuid    not null,
    day       date    not null,
    currency  char(3) not null,
    purchases int     not null,
    amount    bigint  not null,
    primary key (group_id, day, currency)
);
