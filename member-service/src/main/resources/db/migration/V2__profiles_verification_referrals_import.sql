-- Issue 3: self-introduction, contact details, verification, invite codes and the referral tree,
-- erasure tombstones and bulk import by external id.
alter table member
    add column bio                    varchar(500),
    add column phone                  varchar(16),
    add column email                  varchar(254),
    add column verification_method    varchar(32),
    add column verification_reference varchar(128),
    add column verified_at            timestamptz,
    add column invite_code            varchar(8),
    add column invited_by             uuid references member (id),
    add column external_id            varchar(128),
    add column erased_at              timestamptz,
    add column updated_at             timestamptz;

-- An erased member keeps no name.
alter table member alter column display_name drop not null;

-- Members registered before invite codes existed get one now: 8 characters of the same
-- unambiguous alphabet the service uses (no 0/O, 1/I/L).
update member
set invite_code = translate(upper(substr(md5(id::text), 1, 8)), '0123456789ABCDEF', '23456789ABCDEFGH')
where invite_code is null;

alter table member alter column invite_code set not null;
alter table member add constraint member_invite_code unique (invite_code);
alter table member add constraint member_external_id unique (external_id);
alter table member add constraint member_not_self_invited check (invited_by is null or invited_by <> id);

create index member_invited_by on member (invited_by);
create index member_region on member (lower(region));
create index member_occupation on member (lower(occupation));
