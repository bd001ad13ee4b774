-- A group analytics has never seen is a 404 (GroupCalendar.requireKnown): a lottery entry may be
-- the only event that names a group yet, so its participants are looked up by group too.
create index campaign_participant_group on campaign_participant (group_id);
