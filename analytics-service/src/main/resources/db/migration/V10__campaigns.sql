-- Campaign lift (docs/analytics.md, "Campaigns"): every red packet, lottery draw and activity with
-- its moment, and who took part in it when. A participant may be consumed before its campaign
-- (they are different topics); the queries join them when asked, so the order does not matter.
create table campaign (
    campaign_id  uuid         primary key,
    group_id     uuid         not null,
    kind         varchar(16)  not null check (kind in ('RED_PACKET', 'LOTTERY', 'ACTIVITY')),
    title        varchar(100),
    at           timestamptz  not null,
    cancelled    boolean      not null default false,
    -- activity-scheduled: the highest version applied, so an older one arriving late changes nothing.
    version      int          not null default 0
);
create index campaign_group_at on campaign (group_id, at);

create table campaign_participant (
    campaign_id  uuid         not null,
    member_id    uuid         not null,
    group_id     uuid         not null,
    at           timestamptz  not null,
    primary key (campaign_id, member_id)
);

-- The 24-hour windows around a campaign count messages and active members by the moment.
alter table message_author add column posted_at timestamptz;
create index message_author_group_posted on message_author (group_id, posted_at) where posted_at is not null;
create index member_touch_group_at on member_touch (group_id, at);
