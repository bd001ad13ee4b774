package io.shequn.analytics.benchmark;

import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.persistence.EntityManager;

import java.time.LocalDate;
import java.util.UUID;

/**
 * A year of one group's life written straight into the read models, row for row as the listeners
 * write them for those events (ingesting it through Kafka would take this machine too long for a
 * benchmark). For the benchmarks only: the shape is fixed by {@code seed}, ids are random.
 * <ul>
 * <li>members: a fifth join on the group's first day, the rest on a random day of the year; one in
 * ten joins on the invitation of one of the first 1% (the group's KOLs); one in ten leaves later;</li>
 * <li>activity: 35% never say a word; the others are active on a share of their days drawn from
 * 0.25 × u³ (a few very active members, a long tail), so about 2.5% of members are active on a day;</li>
 * <li>two active days in three carry 1–9 messages (some answered by another member), the others a
 * check-in; one active day in a hundred ends in a purchase (credited by last touch, its inviter's
 * referred revenue);</li>
 * <li>one touch per active day, the day's counters, first and last active days, a health row.</li>
 * </ul>
 */
final class GroupHistorySeed {

    static final int DAYS = 365;

    private GroupHistorySeed() {
    }

    /** @return the owner (the first member, who is also a current member) */
    static UUID seed(EntityManager entityManager, UUID group, int members, LocalDate today, double seed) {
        UUID[] owner = new UUID[1];
        QuarkusTransaction.requiringNew().timeout(1800).run(() -> {
            Sql sql = new Sql(entityManager);
            sql.run("select setseed(?1)", seed);
            LocalDate first = today.minusDays(DAYS - 1);
            sql.run("insert into analytics_group (group_id, time_zone, created_at, name) values (cast(?1 as uuid), 'Asia/Shanghai', "
                    + "(cast(?2 as date) - interval '1 day') at time zone 'UTC', ?3)", group.toString(), first.toString(), "Seeded " + members);
            sql.run("""
                    create temporary table seed_member on commit drop as
                    select i, gen_random_uuid() as member_id,
                           case when i = 1 or random() < 0.2 then 0 else floor(random() * ?2)::int end as join_offset,
                           case when i > 1 and random() < 0.35 then 0.0 else 0.25 * power(random(), 3) end as rate,
                           i > 1 and random() < 0.1 as leaves, random() as stay, random() < 0.1 as invited
                    from generate_series(1, ?1) i""", members, DAYS);
            sql.run("create index on seed_member (i)");
            sql.run("""
                    create temporary table seed_period on commit drop as
                    select s.i, s.member_id, cast(?1 as date) + s.join_offset as join_day,
                           case when s.leaves then cast(?1 as date) + s.join_offset + floor(s.stay * (?2 - s.join_offset))::int end as leave_day,
                           s.rate, case when s.invited and s.i > 1 then (select k.member_id from seed_member k
                                   where k.i = 1 + (s.i * 7919) % greatest(1, ?3 / 100)) end as inviter_id
                    from seed_member s""", first.toString(), DAYS, members);
            sql.run("""
                    insert into group_membership (group_id, member_id, joined_at, first_joined_at, left_at, inviter_id, role, role_at)
                    select cast(?1 as uuid), member_id, (join_day + interval '2 hour' + (i % 3600) * interval '1 second') at time zone 'UTC',
                           (join_day + interval '2 hour' + (i % 3600) * interval '1 second') at time zone 'UTC',
                           (leave_day + interval '9 hour') at time zone 'UTC', inviter_id, case when i = 1 then 'OWNER' else 'MEMBER' end,
                           (join_day + interval '2 hour' + (i % 3600) * interval '1 second') at time zone 'UTC'
                    from seed_period""", group.toString());
            sql.run("""
                    insert into member_activity_day (group_id, member_id, day)
                    select distinct cast(?1 as uuid), p.member_id, p.join_day + floor(random() * p.span)::int
                    from (select member_id, join_day, coalesce(leave_day, cast(?2 as date)) - join_day + 1 as span, rate from seed_period) p,
                         generate_series(1, greatest(0, round(p.rate * p.span)::int))""", group.toString(), today.toString());
            sql.run("""
                    create temporary table seed_day on commit drop as
                    select member_id, day, random() < 0.6667 as talks, random() < 0.01 as buys,
                           1 + floor(power(random(), 2) * 9)::int as messages, floor(power(random(), 4) * 5)::int as replies
                    from member_activity_day where group_id = cast(?1 as uuid)""", group.toString());
            sql.run("""
                    insert into member_influence_day (group_id, member_id, day, messages, replies_received)
                    select cast(?1 as uuid), member_id, day, messages, replies from seed_day where talks""", group.toString());
            sql.run("""
                    insert into reply_pair_day (group_id, member_id, replier_id, day)
                    select cast(?1 as uuid), d.member_id, k.member_id, d.day
                    from seed_day d join seed_member k on k.i = 1 + (abs(hashtext(d.member_id::text || d.day)) % ?2)
                    where d.talks and d.replies > 0 and k.member_id <> d.member_id
                    on conflict do nothing""", group.toString(), members);
            sql.run("""
                    insert into member_touch (member_id, group_id, at)
                    select member_id, cast(?1 as uuid), (day + interval '2 hour') at time zone 'UTC' from seed_day""", group.toString());
            sql.run("""
                    insert into group_membership (group_id, member_id, first_active_day, last_active_day)
                    select cast(?1 as uuid), member_id, min(day), max(day) from seed_day group by member_id
                    on conflict (group_id, member_id) do update set first_active_day = excluded.first_active_day,
                                                                    last_active_day = excluded.last_active_day""", group.toString());
            sql.run("""
                    insert into purchase_attribution (order_id, member_id, group_id, rule, amount, currency, purchased_at, touch_at, inviter_id)
                    select gen_random_uuid(), d.member_id, cast(?1 as uuid), 'LAST_TOUCH', 990 + floor(random() * 30000)::bigint, 'CNY',
                           (d.day + interval '5 hour') at time zone 'UTC', (d.day + interval '2 hour') at time zone 'UTC', p.inviter_id
                    from seed_day d join seed_period p on p.member_id = d.member_id where d.buys""", group.toString());
            sql.run("""
                    insert into group_revenue_day (group_id, day, currency, purchases, amount)
                    select group_id, cast(purchased_at at time zone 'Asia/Shanghai' as date), currency, count(*), sum(amount)
                    from purchase_attribution where group_id = cast(?1 as uuid) group by 1, 2, 3""", group.toString());
            sql.run("""
                    insert into referred_revenue_day (group_id, inviter_id, day, currency, purchases, amount)
                    select group_id, inviter_id, cast(purchased_at at time zone 'Asia/Shanghai' as date), currency, count(*), sum(amount)
                    from purchase_attribution where group_id = cast(?1 as uuid) and inviter_id is not null group by 1, 2, 3, 4""",
                    group.toString());
            sql.run("""
                    insert into group_day (group_id, day, active_members, messages, check_ins)
                    select cast(?1 as uuid), day, count(*), sum(case when talks then messages else 0 end), count(*) filter (where not talks)
                    from seed_day group by day""", group.toString());
            sql.run("""
                    insert into group_day (group_id, day, joins)
                    select cast(?1 as uuid), join_day, count(*) from seed_period group by join_day
                    on conflict (group_id, day) do update set joins = excluded.joins""", group.toString());
            sql.run("""
                    insert into group_day (group_id, day, leaves)
                    select cast(?1 as uuid), leave_day, count(*) from seed_period where leave_day is not null group by leave_day
                    on conflict (group_id, day) do update set leaves = excluded.leaves""", group.toString());
            sql.run("insert into group_health (group_id, score, stage, assessed_day, assessed_at) values (cast(?1 as uuid), 50, 'ACTIVE', cast(?2 as date), now())",
                    group.toString(), today.minusDays(1).toString());
            sql.run("select count(*) from (select analytics_recount(cast(?1 as uuid))) r", group.toString());
            owner[0] = (UUID) entityManager.createNativeQuery("select member_id from seed_member where i = 1").getSingleResult();
        });
        return owner[0];
    }

    /** Fresh statistics, as a database that has been running for a while has them. */
    static void analyze(EntityManager entityManager) {
        QuarkusTransaction.requiringNew().timeout(1800).run(() -> new Sql(entityManager).run("analyze"));
    }

    private record Sql(EntityManager entityManager) {
        void run(String statement, Object... parameters) {
            var query = entityManager.createNativeQuery(statement);
            for (int i = 0; i < parameters.length; i++) {
                query.setParameter(i + 1, parameters[i]);
            }
            if (statement.startsWith("select")) {
                query.getResultList();
            } else {
                query.executeUpdate();
            }
        }
    }
}
