-- Read models for cohorts, the funnel, K-factor, KOL influence, referred revenue and group
-- access (docs/analytics.md). Each is keyed by group (and day or member), so queries read rows
-- in proportion to days and members in the window, never to the events behind them.

-- Per member per group: first join (cohorts, funnel), who invited them (K-factor, referred
-- revenue), role (owners and admins may read their group's analytics), first and last active day.
alter table group_membership
    add column first_joined_at  timestamptz,
    add column inviter_id       uuid,
    add column role             varchar(16),
    add column role_at          timestamptz,
    add column first_active_day date,
    add column last_active_day  date;
update group_membership set first_joined_at = joined_at;
update group_membership m set first_active_day = a.first, last_active_day = a.last
from (select group_id, member_id, min(day) first, max(day) last from member_activity_day group by group_id, member_id) a
where a.group_id = m.group_id and a.member_id = m.member_id;
create index group_membership_first_joined on group_membership (group_id, first_joined_at);
create index group_membership_inviter on group_membership (group_id, inviter_id) where inviter_id is not null;
create index group_membership_member on group_membership (member_id);

-- Each message's author, so a reply credits the member it answers in whichever order the two arrive.
create table message_author (
    message_id uuid primary key,
    group_id   uuid not null,
    member_id  uuid not null,
    reply_to   uuid,
    day        date not null
);
create index message_author_reply_to on message_author (reply_to) where reply_to is not null;

-- What KOL influence counts, per member per group per day.
create table member_influence_day (
    group_id         uuid not null,
    member_id        uuid not null,
    day              date not null,
    messages         int  not null default 0,
    replies_received int  not null default 0,
    primary key (group_id, day, member_id)
);

-- Who replied to whom on which day: distinct repliers over a window.
create table reply_pair_day (
    group_id   uuid not null,
    member_id  uuid not null,
    replier_id uuid not null,
    day        date not null,
    primary key (group_id, day, member_id, replier_id)
);

-- touch_at: the activity a LAST_TOUCH purchase was credited to; inviter_id: who gets it as referred revenue.
alter table purchase_attribution add column touch_at timestamptz, add column inviter_id uuid;
create index purchase_attribution_member on purchase_attribution (member_id, purchased_at);
create index purchase_attribution_group on purchase_attribution (group_id, purchased_at);

create table referred_revenue_day (
    group_id   uuid    not null,
    inviter_id uuid    not null,
    day        date    not null,
    currency   char(3) not null,
    purchases  int     not null,
    amount     bigint  not null,
    primary key (group_id, day, inviter_id, currency)
);

-- A member may be heard of (updated, verified, erased) before member-registered arrives.
alter table analytics_member alter column registered_at drop not null;
alter table analytics_member add column verified_at timestamptz, add column erased_at timestamptz;
create index analytics_member_invited_by on analytics_member (invited_by) where invited_by is not null;

alter table group_day add column flagged int not null default 0, add column points_awarded bigint not null default 0;
create index purchase_attribution_inviter on purchase_attribution (inviter_id) where inviter_id is not null;
