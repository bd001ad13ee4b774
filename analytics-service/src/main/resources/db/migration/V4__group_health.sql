-- The last assessed health of each group (docs/analytics.md, "Group health").
create table group_health (
    group_id      uuid        primary key,
    score         int         not null,
    stage         varchar(16) not null,
    assessed_day  date        not null,
    assessed_at   timestamptz not null
);
