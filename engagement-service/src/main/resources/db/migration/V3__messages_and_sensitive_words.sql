-- Sensitive words: the global list (group_id null, operators) and one list per group (owner,
-- admins). normalized is the word as the matcher compares it; one entry per list and form.
create table sensitive_word (
    id          uuid         primary key,
    group_id    uuid,
    word        text         not null,
    normalized  text         not null,
    action      text         not null check (action in ('FLAG', 'BLOCK')),
    created_by  uuid,
    created_at  timestamptz  not null
);
create unique index sensitive_word_once on sensitive_word (coalesce(group_id, '00000000-0000-0000-0000-000000000000'::uuid), normalized);
create index sensitive_word_group on sensitive_word (group_id);

-- Bumped on every change of a list, so that every instance rebuilds its matcher when it is stale.
create table sensitive_word_list (
    list_id  uuid    primary key,
    version  bigint  not null
);

-- Messages posted through the API or received from chat bridges. Blocked ones keep no text.
create table message (
    id             uuid         primary key,
    group_id       uuid         not null,
    member_id      uuid         not null,
    kind           text         not null,
    text           text,
    length         integer      not null check (length >= 0),
    reply_to       uuid,
    mentions       uuid[],
    status         text         not null check (status in ('VISIBLE', 'FLAGGED', 'BLOCKED')),
    matched_words  text[]       not null default '{}',
    source         text         not null,
    posted_at      timestamptz  not null,
    received_at    timestamptz  not null
);
create index message_group_posted on message (group_id, posted_at desc, id);
