-- Activities (活动): expert talks, topic discussions, flash sales, offline meetups, with sign-up,
-- a first-come waitlist, the numbered sign-up chain (接龙) and attendance. Every sign-up and
-- cancellation takes the activity row's lock, so places are counted (signed_up) and sequence
-- numbers handed out (last_seq) one at a time: exactly capacity members are signed up, the rest
-- wait in arrival order, and a cancellation promotes the head of the waitlist in the same
-- transaction.
create table activity (
    id                uuid         primary key,
    group_id          uuid         not null,
    type              text         not null check (type in ('ONLINE_TALK', 'TOPIC_DISCUSSION', 'FLASH_SALE', 'OFFLINE_MEETUP')),
    title             text         not null,
    description       text,
    host_id           uuid         not null,
    location          text,
    starts_at         timestamptz  not null,
    ends_at           timestamptz  not null,
    capacity          integer      check (capacity >= 1),
    sign_up_deadline  timestamptz  not null,
    attendance_code   text         not null,
    status            text         not null check (status in ('SCHEDULED', 'CANCELLED')),
    version           integer      not null,
    signed_up         integer      not null default 0 check (signed_up >= 0 and (capacity is null or signed_up <= capacity)),
    last_seq          integer      not null default 0,
    created_by        uuid         not null,
    created_at        timestamptz  not null,
    updated_at        timestamptz  not null,
    check (ends_at > starts_at),
    check (sign_up_deadline <= ends_at),
    check (type <> 'OFFLINE_MEETUP' or location is not null)
);
create index activity_group_ends on activity (group_id, ends_at);

-- One row per member and activity; a member who cancels and signs up again gets a new seq (the
-- end of the chain).
create table activity_sign_up (
    activity_id   uuid         not null references activity (id),
    member_id     uuid         not null,
    seq           integer      not null,
    status        text         not null check (status in ('SIGNED_UP', 'WAITLISTED', 'CANCELLED')),
    signed_up_at  timestamptz  not null,
    promoted_at   timestamptz,
    cancelled_at  timestamptz,
    primary key (activity_id, member_id),
    unique (activity_id, seq)
);
create index activity_sign_up_chain on activity_sign_up (activity_id, status, seq);

-- Once per member and activity, marked by a manager or by the member with the attendance code.
create table activity_attendance (
    activity_id     uuid         not null references activity (id),
    member_id       uuid         not null,
    attended_at     timestamptz  not null,
    marked_by       uuid,
    points_awarded  bigint       not null check (points_awarded >= 0),
    primary key (activity_id, member_id)
);

alter table engagement_group
    add column activity_attendance_points bigint not null default 20 check (activity_attendance_points >= 0);
