create table member (
    id            uuid         primary key,
    display_name  varchar(64)  not null,
    region        varchar(64),
    occupation    varchar(64),
    tags          text[]       not null default '{}',
    registered_at timestamptz  not null,
    version       bigint       not null default 0
);
create index member_tags on member using gin (tags);
