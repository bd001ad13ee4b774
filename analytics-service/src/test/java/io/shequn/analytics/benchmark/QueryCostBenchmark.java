package io.shequn.analytics.benchmark;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.shequn.analytics.Scenario;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not part of the normal build (the name does not end in Test). Shows that a group's analytics
 * cost what its window holds, not what its history holds: two groups of 100 members, one with the
 * read models of 1,000 events (the last 10 days, one message per member a day), one with those of
 * 1,000,000 events (a year, about 27 messages per member a day). The read models are written by
 * SQL exactly as the listeners would have written them for those events (ingesting a million
 * events through Kafka would take this machine too long for a benchmark). Every group endpoint is
 * then timed over the same 30-day window for both groups (median of 15 calls after 5 warm-ups).
 *
 * <pre>./mvnw -B -o verify -pl analytics-service -Dtest=QueryCostBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@QuarkusTest
class QueryCostBenchmark {

    private static final int MEMBERS = 100;
    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);

    @Inject
    EntityManager entityManager;

    @Test
    void run() throws Exception {
        UUID small = UUID.randomUUID();
        UUID big = UUID.randomUUID();
        seed(small, 10, 1);      // 100 members × 10 days × 1 message = 1,000 events
        seed(big, 365, 27);      // 100 members × 365 days × 27 messages ≈ 1,000,000 events
        List<String> report = new ArrayList<>();
        report.add("analytics query cost, 30-day window, " + Runtime.getRuntime().availableProcessors() + " CPUs");
        report.add(String.format("%-16s %14s %16s %7s", "endpoint", "1,000 events", "1,000,000 events", "ratio"));
        String from = TODAY.minusDays(29).toString();
        String to = TODAY.toString();
        Map<String, Map<String, ?>> endpoints = new LinkedHashMap<>();
        endpoints.put("summary", Map.of("day", to));
        endpoints.put("timeseries", Map.of("metric", "DAU", "from", from, "to", to));
        endpoints.put("retention", Map.of("from", from, "to", to));
        endpoints.put("lifecycle", Map.of("from", from, "to", to));
        endpoints.put("funnel", Map.of("from", from, "to", to));
        endpoints.put("revenue", Map.of("from", from, "to", to));
        endpoints.put("referrals", Map.of("from", from, "to", to));
        endpoints.put("kols", Map.of("from", from, "to", to));
        endpoints.put("members/silent", Map.of("day", to));
        double worst = 0;
        for (Map.Entry<String, Map<String, ?>> endpoint : endpoints.entrySet()) {
            double smallMs = median(small, endpoint.getKey(), endpoint.getValue());
            double bigMs = median(big, endpoint.getKey(), endpoint.getValue());
            worst = Math.max(worst, bigMs / smallMs);
            report.add(String.format("%-16s %11.1f ms %13.1f ms %6.1fx", endpoint.getKey(), smallMs, bigMs, bigMs / smallMs));
        }
        report.add(String.format("largest ratio %.1fx (the big group's window holds 3x the member-days of the small one's)", worst));
        report.forEach(System.out::println);
        Files.write(Path.of("target/query-cost.txt"), report);
        assertThat(worst).as("the same order of magnitude").isLessThan(10);
    }

    private static double median(UUID group, String endpoint, Map<String, ?> query) {
        String path = "/api/v1/analytics/groups/" + group + "/" + endpoint;
        for (int i = 0; i < 5; i++) {
            Scenario.getRaw(path, query);
        }
        double[] times = new double[15];
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            Scenario.getRaw(path, query);
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(times);
        return times[times.length / 2];
    }

    /** The rows the listeners write for {@code perDay} messages by each member on each of the last {@code days} days. */
    private void seed(UUID group, int days, int perDay) {
        QuarkusTransaction.requiringNew().run(() -> {
            sql("insert into analytics_group (group_id, time_zone, created_at) values (cast(?1 as uuid), 'Asia/Shanghai', cast(?2 as date))",
                    group.toString(), TODAY.minusDays(days).toString());
            sql("""
                    create temporary table seed_member on commit drop as
                    select gen_random_uuid() as member_id from generate_series(1, ?1)""", MEMBERS);
            sql("""
                    insert into group_membership (group_id, member_id, joined_at, first_joined_at, role, role_at, first_active_day, last_active_day)
                    select cast(?1 as uuid), member_id, cast(?2 as date), cast(?2 as date), 'MEMBER', cast(?2 as date), cast(?2 as date), cast(?3 as date)
                    from seed_member""", group.toString(), TODAY.minusDays(days).toString(), TODAY.toString());
            sql("""
                    insert into member_activity_day (group_id, member_id, day)
                    select cast(?1 as uuid), m.member_id, d from seed_member m,
                           generate_series(cast(?2 as date), cast(?3 as date), interval '1 day') as g(d)""",
                    group.toString(), TODAY.minusDays(days - 1).toString(), TODAY.toString());
            sql("""
                    insert into member_influence_day (group_id, member_id, day, messages)
                    select group_id, member_id, day, ?2 from member_activity_day where group_id = cast(?1 as uuid)""", group.toString(), perDay);
            sql("""
                    insert into member_touch (member_id, group_id, at)
                    select member_id, group_id, day + interval '2 hour' from member_activity_day where group_id = cast(?1 as uuid)""",
                    group.toString());
            sql("""
                    insert into group_day (group_id, day, active_members, messages)
                    select group_id, day, count(*), count(*) * ?2 from member_activity_day where group_id = cast(?1 as uuid) group by group_id, day""",
                    group.toString(), perDay);
            sql("insert into group_health (group_id, score, stage, assessed_day, assessed_at) values (cast(?1 as uuid), 50, 'ACTIVE', cast(?2 as date), now())",
                    group.toString(), TODAY.minusDays(1).toString());
        });
        QuarkusTransaction.requiringNew().run(() -> sql("analyze"));
    }

    private void sql(String statement, Object... parameters) {
        var query = entityManager.createNativeQuery(statement);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        query.executeUpdate();
    }
}
