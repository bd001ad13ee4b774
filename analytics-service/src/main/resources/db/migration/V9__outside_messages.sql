-- Definitions version 3 (docs/analytics.md, "Messages from non-members"): a message whose author
-- has not joined its group counts in no figure. It waits here, without its text, until the
-- author's member-joined (or member-left) of the group is consumed, which may come later because
-- the topics are read in any order; then it counts as if it had just arrived. Messages counted
-- before this version stay counted until a rebuild (POST /api/v1/analytics/rebuild) replays them.
create table outside_message (
    message_id uuid        primary key,
    group_id   uuid        not null,
    member_id  uuid        not null,
    event_time timestamptz not null,
    data       jsonb       not null
);
create index outside_message_author on outside_message (group_id, member_id);
