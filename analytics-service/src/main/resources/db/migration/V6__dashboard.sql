-- Read models the dashboard needs (docs/analytics.md, "Dashboard"): group names to show instead
-- of ids, the history of lifecycle stages, and purchases by day across all groups.

-- From group-created; groups seen before this migration stay nameless until a rebuild.
alter table analytics_group add column name varchar(64);

-- Every change of a group's lifecycle stage, written with the group-health-changed event it
-- publishes. A group's assessments are serialised by its group_health row lock, so (group,
-- moment) is unique; a second change at the very same moment replaces the first's outcome.
create table group_stage_change (
    group_id       uuid        not null,
    changed_at     timestamptz not null,
    assessed_day   date        not null,
    stage          varchar(16) not null,
    previous_stage varchar(16) not null,
    score          int         not null,
    primary key (group_id, changed_at)
);
create index group_stage_change_day on group_stage_change (assessed_day, changed_at);

create index purchase_attribution_purchased_at on purchase_attribution (purchased_at);
