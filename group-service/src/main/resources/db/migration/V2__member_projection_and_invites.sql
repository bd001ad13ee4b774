-- What group-service knows of members, from member-service's events (no calls to member-service):
-- enough to decide requireVerified and required intro fields. Erasure drops the personal fields.
create table member_profile (
    member_id    uuid         primary key,
    display_name varchar(64),
    region       varchar(64),
    occupation   varchar(64),
    tags         text[]       not null default '{}',
    profile_at   timestamptz,  -- event time of the profile fields: an older event never overwrites a newer one
    verified_at  timestamptz,
    erased_at    timestamptz,
    updated_at   timestamptz  not null
);

-- One personal invite code per member and group.
create table invite_code (
    code       varchar(16)  primary key,
    group_id   uuid         not null references community_group (id),
    member_id  uuid         not null,
    created_at timestamptz  not null,
    unique (group_id, member_id)
);
