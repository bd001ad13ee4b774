-- The most KOL score a member can have in a block of days (docs/analytics.md, "KOL influence";
-- KolCover, KolQueries): per group, block (span of 4, 16, 64 or 256 days, starting at
-- first_day, on two grids: blocks start on 2000-01-03 plus a multiple of the span, or half a span
-- later) and member, upper = messages + 2 × replies received + 3 × reply pairs (replier and day),
-- summed over the block's days. Distinct repliers over any days are at most the reply pairs of those
-- days, so a member's score over a window inside the block without the referrals is at most upper.
-- The KOL list reads the block containing its window by upper, best first, and counts exactly only
-- the members whose upper can still reach the list. InfluenceRollup adds to it as messages arrive.
create table kol_cover (
    group_id  uuid     not null,
    span      smallint not null,
    first_day date     not null,
    member_id uuid     not null,
    upper     int      not null,
    primary key (group_id, span, first_day, member_id)
);
create index kol_cover_upper on kol_cover (group_id, span, first_day, upper desc);

-- The exact additive parts of a candidate's window, read member by member.
create index member_influence_day_member on member_influence_day (group_id, member_id, day) include (messages, replies_received);

-- kol_cover of one group recomputed from its influence days and reply pairs.
create function analytics_recount_kols(g uuid) returns void language sql as $$
    delete from kol_cover where group_id = g;
    insert into kol_cover (group_id, span, first_day, member_id, upper)
    select g, s.span, d.day - ((((d.day - date '2000-01-03') - s.shift) % s.span) + s.span) % s.span, d.member_id, sum(d.upper)
    from (select i.member_id, i.day, i.messages + 2 * i.replies_received + 3 * coalesce(p.pairs, 0) as upper
          from member_influence_day i
          left join (select member_id, day, count(*) as pairs from reply_pair_day where group_id = g group by member_id, day) p
                 on p.member_id = i.member_id and p.day = i.day
          where i.group_id = g) d,
         (values (4, 0), (4, 2), (16, 0), (16, 8), (64, 0), (64, 32), (256, 0), (256, 128)) s(span, shift)
    group by 2, 3, 4;
$$;

create or replace function analytics_recount(g uuid) returns void language sql as $$
    select analytics_recount_days(g);
    select analytics_recount_cohorts(g);
    select analytics_recount_funnel(g);
    select analytics_recount_referrals(g);
    select analytics_recount_kols(g);
$$;

select analytics_recount_kols(group_id) from (select distinct group_id from member_influence_day) g;
