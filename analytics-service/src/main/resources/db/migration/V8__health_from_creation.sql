-- Group health, definitions version 2 (docs/analytics.md, "Group health"): a group is assessed only
-- once its group-created has been seen, never for a day before its creation day, and it starts NEW.
-- Assessments that broke those rules are dropped (the next event or sweep assesses the group
-- afresh), and so are the stage changes they caused: under version 2 no group ever changes into
-- NEW, so every such change was a false alert (DORMANT → NEW). A rebuild recomputes all of it.
delete from group_health h
where not exists (select 1 from analytics_group g where g.group_id = h.group_id)
   or h.assessed_day < (select cast(g.created_at at time zone g.time_zone as date) from analytics_group g where g.group_id = h.group_id);
delete from group_stage_change c
where c.stage = 'NEW'
   or not exists (select 1 from analytics_group g where g.group_id = c.group_id)
   or c.assessed_day < (select cast(g.created_at at time zone g.time_zone as date) from analytics_group g where g.group_id = c.group_id);
