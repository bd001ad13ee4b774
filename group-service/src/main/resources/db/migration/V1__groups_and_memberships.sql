-- Groups with their admission policy, and the membership periods of their members.

create table community_group (
    id                    uuid         primary key,
    name                  varchar(64)  not null,
    type                  varchar(32)  not null,
    purpose               varchar(500),
    rules                 text,
    capacity              integer      not null check (capacity > 0),
    time_zone             varchar(64)  not null,
    owner_id              uuid         not null,
    status                varchar(16)  not null,
    admission_mode        varchar(16)  not null,
    require_verified      boolean      not null default false,
    required_intro_fields text[]       not null default '{}',
    entry_fee_amount      bigint,
    entry_fee_currency    varchar(3),
    strike_limit          integer      not null default 3 check (strike_limit > 0),
    welcome_message       varchar(2000),
    role_titles           jsonb        not null default '{}',
    template_id           uuid,
    created_at            timestamptz  not null,
    updated_at            timestamptz  not null,
    version               bigint       not null default 0
);
create index community_group_owner on community_group (owner_id);

-- One row per membership period: an application, a pending payment, or a stay in the group.
-- Rejoining after leaving is a new row. At most one open row (pending or active) per member and group.
create table membership (
    id              uuid         primary key,
    group_id        uuid         not null references community_group (id),
    member_id       uuid         not null,
    status          varchar(24)  not null,
    role            varchar(16)  not null,
    via             varchar(16)  not null,
    inviter_id      uuid,
    invite_code     varchar(32),
    intro           jsonb        not null default '{}',
    requested_at    timestamptz  not null,
    joined_at       timestamptz,
    ended_at        timestamptz,
    end_reason      varchar(16),
    end_detail      varchar(500),
    decided_by      uuid,
    decision_reason varchar(500),
    version         bigint       not null default 0
);
create unique index membership_one_open on membership (group_id, member_id)
    where status in ('PENDING_APPROVAL', 'PENDING_PAYMENT', 'ACTIVE');
create index membership_group_status on membership (group_id, status, role);
create index membership_member on membership (member_id, status);
create index membership_invite_code on membership (invite_code) where invite_code is not null;

-- A banned member cannot rejoin until unbanned.
create table group_ban (
    group_id   uuid         not null references community_group (id),
    member_id  uuid         not null,
    reason     varchar(500) not null,
    banned_by  uuid         not null,
    banned_at  timestamptz  not null,
    primary key (group_id, member_id)
);
