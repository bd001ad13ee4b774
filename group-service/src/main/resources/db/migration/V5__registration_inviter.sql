-- Who invited a member to register (member-registered.invitedBy, or a later claim in
-- member-updated): a first join of a group without a group invite code credits them when they
-- are a current member of it (docs/analytics.md, "Registration inviters").
alter table member_profile add column invited_by uuid;
