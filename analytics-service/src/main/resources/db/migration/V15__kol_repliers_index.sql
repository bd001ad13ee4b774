-- The KOL list counts the distinct repliers of the few members who can reach it (KolQueries.TOP):
-- their reply pairs of the window are read member by member.
create index reply_pair_day_member on reply_pair_day (group_id, member_id, day);
