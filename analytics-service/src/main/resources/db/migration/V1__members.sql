-- Members as analytics knows them, from member-registered. No names: analytics keeps ids only.
create table analytics_member (
    member_id     uuid         primary key,
    invited_by    uuid,
    registered_at timestamptz  not null
);
create index analytics_member_registered_at on analytics_member (registered_at);
