-- Group templates (流程模板化): a group's setup saved to stamp out new groups.
create table group_template (
    id                    uuid         primary key,
    name                  varchar(64)  not null,
    description           varchar(500),
    created_by            uuid         not null,
    source_group_id       uuid,
    type                  varchar(32)  not null,
    purpose               varchar(500),
    rules                 text,
    capacity              integer      not null check (capacity > 0),
    time_zone             varchar(64)  not null,
    admission_mode        varchar(16)  not null,
    require_verified      boolean      not null default false,
    required_intro_fields text[]       not null default '{}',
    entry_fee_amount      bigint,
    entry_fee_currency    varchar(3),
    strike_limit          integer      not null check (strike_limit > 0),
    welcome_message       varchar(2000),
    role_titles           jsonb        not null default '{}',
    use_count             integer      not null default 0,
    created_at            timestamptz  not null
);
create index group_template_use_count on group_template (use_count desc, created_at desc);
