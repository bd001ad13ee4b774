package io.shequn.analytics.benchmark;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.path.json.JsonPath;
import io.shequn.localstack.LocalStack;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Future;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not part of the normal build (the name does not end in Test). What a group's analytics cost as
 * the group grows, timed over HTTP as a client sees them (median and p99 of
 * {@code benchmark.calls} calls, default 100, after 10 warm-ups):
 * <ol>
 * <li><b>events</b>: two groups of 100 members, one with the read models of 1,000 events (the last
 * 10 days), one with those of 1,000,000 (a year): every group endpoint over the same 30 days;</li>
 * <li><b>members</b>: groups of 1,000, 10,000 and 100,000 members ({@code benchmark.sizes}) with a
 * year of history each ({@link GroupHistorySeed}), statistics fresh: every group endpoint, page 1
 * and the last page of the silent members, and the ranking as the group's owner sees it;</li>
 * <li><b>after a burst</b>: a new group that 16,000 members join and a third of them check in,
 * published to the real Kafka; timed as soon as the read models show every event (consumer lag 0),
 * before autovacuum has analysed the tables (the statistics still describe the tables without the
 * burst; the report says whether an autoanalyze ran meanwhile).</li>
 * </ol>
 * Read models are written by SQL as the listeners write them for those events. Writes
 * target/query-cost.txt; each figure carries the load average of the machine when it was taken.
 *
 * <pre>./mvnw -B -o verify -pl analytics-service -am -Dtest=QueryCostBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@QuarkusTest
class QueryCostBenchmark {

    private static final LocalDate TODAY = LocalDate.of(2026, 11, 22);
    private static final int CALLS = Integer.getInteger("benchmark.calls", 100);
    private static final int WARM_UP = 10;
    private static final int[] SIZES = Arrays.stream(System.getProperty("benchmark.sizes", "1000,10000,100000").split(","))
            .mapToInt(Integer::parseInt).toArray();
    private static final int BURST_MEMBERS = Integer.getInteger("benchmark.burst", 16_000);
    private static final int PAGE = 100;

    @Inject
    EntityManager entityManager;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String operator = LocalStack.shared().tokens().operator(UUID.randomUUID());
    private final List<String> report = new ArrayList<>();

    @Test
    void run() throws Exception {
        report.add("analytics query cost, " + Runtime.getRuntime().availableProcessors() + " CPUs, " + Instant.now() + ", load " + load());
        try {
            byEvents();
            byMembers();
            afterBurst();
        } finally {
            report.forEach(System.out::println);
            Files.write(Path.of("target/query-cost.txt"), report);
        }
    }

    // ---------------------------------------------------------------- events

    private void byEvents() throws Exception {
        UUID small = UUID.randomUUID();
        UUID big = UUID.randomUUID();
        seedEvents(small, 10, 1);      // 100 members × 10 days × 1 message = 1,000 events
        seedEvents(big, 365, 27);      // 100 members × 365 days × 27 messages ≈ 1,000,000 events
        GroupHistorySeed.analyze(entityManager);
        report.add("");
        report.add("1. events: 100 members, 30-day window, median of " + CALLS + " calls");
        report.add(String.format("%-22s %14s %16s %7s", "endpoint", "1,000 events", "1,000,000 events", "ratio"));
        double worst = 0;
        for (Map.Entry<String, String> endpoint : endpoints(TODAY).entrySet()) {
            double smallMs = time(group(small, endpoint.getValue()), operator)[0];
            double bigMs = time(group(big, endpoint.getValue()), operator)[0];
            worst = Math.max(worst, bigMs / smallMs);
            report.add(String.format("%-22s %11.1f ms %13.1f ms %6.1fx", endpoint.getKey(), smallMs, bigMs, bigMs / smallMs));
        }
        report.add(String.format("largest ratio %.1fx (the big group's window holds 3x the member-days of the small one's), load %s", worst, load()));
    }

    // ---------------------------------------------------------------- members

    private void byMembers() throws Exception {
        Map<Integer, UUID> groups = new LinkedHashMap<>();
        Map<Integer, UUID> owners = new LinkedHashMap<>();
        report.add("");
        for (int size : SIZES) {
            UUID group = UUID.randomUUID();
            long start = System.nanoTime();
            owners.put(size, GroupHistorySeed.seed(entityManager, group, size, TODAY, 0.5));
            groups.put(size, group);
            report.add(String.format("seeded %,d members in %.0f s: %s, load %s", size, (System.nanoTime() - start) / 1e9, sizes(group), load()));
        }
        GroupHistorySeed.analyze(entityManager);

        Map<String, Map<Integer, double[]>> results = new LinkedHashMap<>();
        for (int size : SIZES) {
            UUID group = groups.get(size);
            String owner = LocalStack.shared().tokens().member(owners.get(size));
            String loadBefore = load();
            for (Map.Entry<String, String> endpoint : endpoints(TODAY).entrySet()) {
                results.computeIfAbsent(endpoint.getKey(), k -> new LinkedHashMap<>()).put(size, time(group(group, endpoint.getValue()), operator));
            }
            results.computeIfAbsent("members/silent last", k -> new LinkedHashMap<>()).put(size, time(lastSilentPage(group, TODAY), operator));
            results.computeIfAbsent("ranking (owner)", k -> new LinkedHashMap<>()).put(size,
                    time("/api/v1/analytics/groups?sort=HEALTH&day=" + TODAY, owner));
            report.add(String.format("timed %,d members, load %s before, %s after", size, loadBefore, load()));
        }
        report.add("");
        report.add("2. members: a year of history, statistics fresh; p99 (median) of " + CALLS + " calls after " + WARM_UP + " warm-ups");
        StringBuilder header = new StringBuilder(String.format("%-22s", "endpoint"));
        for (int size : SIZES) {
            header.append(String.format(" %20s", String.format("%,d members", size)));
        }
        report.add(header + "   p99 ratio largest/smallest");
        double worstRatio = 0;
        double worstP99 = 0;
        for (Map.Entry<String, Map<Integer, double[]>> row : results.entrySet()) {
            StringBuilder line = new StringBuilder(String.format("%-22s", row.getKey()));
            for (int size : SIZES) {
                double[] t = row.getValue().get(size);
                line.append(String.format(" %9.1f (%5.1f) ms", t[1], t[0]));
            }
            double ratio = row.getValue().get(SIZES[SIZES.length - 1])[1] / row.getValue().get(SIZES[0])[1];
            worstRatio = Math.max(worstRatio, ratio);
            worstP99 = Math.max(worstP99, row.getValue().get(SIZES[SIZES.length - 1])[1]);
            report.add(line + String.format("   %5.1fx", ratio));
        }
        report.add(String.format("largest p99 at %,d members: %.1f ms; largest p99 ratio %.1fx; load %s",
                SIZES[SIZES.length - 1], worstP99, worstRatio, load()));

        report.add("");
        report.add("ranking of every group (operator), p99 (median): page 1 " + fmt(time("/api/v1/analytics/groups?sort=HEALTH&size=20&day=" + TODAY, operator))
                + ", ACTIVITY " + fmt(time("/api/v1/analytics/groups?sort=ACTIVITY&size=20&day=" + TODAY, operator))
                + ", last page " + fmt(time(lastRankingPage(), operator)) + ", load " + load());
    }

    // ---------------------------------------------------------------- after a burst

    private void afterBurst() throws Exception {
        UUID group = UUID.randomUUID();
        Instant now = Instant.now();
        LocalDate today = LocalDate.ofInstant(now, BenchmarkEvents.ZONE);
        List<BenchmarkEvents.Event> joins = new ArrayList<>();
        List<BenchmarkEvents.Event> checkIns = new ArrayList<>();
        for (int i = 0; i < BURST_MEMBERS; i++) {
            UUID member = UUID.randomUUID();
            Instant at = now.minusSeconds(BURST_MEMBERS - i);
            joins.add(BenchmarkEvents.joined(group, member, at));
            if (i % 3 == 0) {
                checkIns.add(BenchmarkEvents.checkedIn(group, member, at.plusMillis(500), 1));
            }
        }
        Map<String, Object> statsAtLagZero;
        try (KafkaProducer<String, byte[]> producer = producer()) {
            send(producer, List.of(BenchmarkEvents.groupCreated(group, UUID.randomUUID(), now.minus(Duration.ofDays(30)), "Burst")));
            long start = System.nanoTime();
            send(producer, joins);
            send(producer, checkIns);
            long sent = System.nanoTime();
            awaitIngested(group, joins.size(), checkIns.size());
            long ingested = System.nanoTime();
            statsAtLagZero = tableStats();
            report.add("");
            report.add(String.format("3. after a burst: %,d members join a new group and %,d of them check in (published in %.1f s, "
                            + "all applied %.1f s after the first send), load %s", joins.size(), checkIns.size(), (sent - start) / 1e9,
                    (ingested - start) / 1e9, load()));
        }
        report.add("   rows changed since the last analyze when lag reached 0: " + statsAtLagZero);
        report.add(String.format("%-22s %12s %12s %12s", "endpoint", "first call", "median", "max"));
        Map<String, String> paths = new LinkedHashMap<>();
        endpoints(today).forEach((name, path) -> paths.put(name, group(group, path)));
        paths.put("members/silent last", lastSilentPage(group, today));
        double worst = 0;
        for (Map.Entry<String, String> endpoint : paths.entrySet()) {
            double[] t = timeCold(endpoint.getValue(), 20);
            worst = Math.max(worst, t[2]);
            report.add(String.format("%-22s %9.1f ms %9.1f ms %9.1f ms", endpoint.getKey(), t[0], t[1], t[2]));
        }
        report.add(String.format("slowest call after the burst %.1f ms; statistics afterwards %s; load %s", worst, tableStats(), load()));
    }

    private void awaitIngested(UUID group, int joins, int checkIns) throws InterruptedException {
        long deadline = System.nanoTime() + Duration.ofMinutes(10).toNanos();
        while (true) {
            Object[] row = QuarkusTransaction.requiringNew().call(() -> (Object[]) entityManager.createNativeQuery(
                            "select coalesce(sum(joins), 0), coalesce(sum(check_ins), 0) from group_day where group_id = cast(?1 as uuid)")
                    .setParameter(1, group.toString()).getSingleResult());
            if (((Number) row[0]).intValue() == joins && ((Number) row[1]).intValue() == checkIns) {
                return;
            }
            assertThat(System.nanoTime()).as("burst ingested within 10 minutes: " + Arrays.toString(row)).isLessThan(deadline);
            Thread.sleep(50);
        }
    }

    /** Rows changed since the last analyze and the last autoanalyze of the tables the group endpoints read most. */
    private Map<String, Object> tableStats() {
        return QuarkusTransaction.requiringNew().call(() -> {
            @SuppressWarnings("unchecked")
            List<Object[]> rows = entityManager.createNativeQuery("""
                    select relname, n_mod_since_analyze, coalesce(to_char(last_autoanalyze, 'HH24:MI:SS'), 'never')
                    from pg_stat_user_tables where schemaname = current_schema()
                    and relname in ('group_membership', 'member_activity_day', 'group_day') order by relname""").getResultList();
            return rows.stream().collect(Collectors.toMap(r -> (String) r[0], r -> r[1] + " changed, autoanalyze " + r[2],
                    (a, b) -> a, LinkedHashMap::new));
        });
    }

    // ---------------------------------------------------------------- HTTP

    /** Path and query of each group endpoint, relative to the group. */
    private static Map<String, String> endpoints(LocalDate day) {
        String window = "from=" + day.minusDays(29) + "&to=" + day;
        Map<String, String> endpoints = new LinkedHashMap<>();
        endpoints.put("summary", "summary?day=" + day);
        endpoints.put("timeseries", "timeseries?metric=DAU&" + window);
        endpoints.put("retention", "retention?" + window);
        endpoints.put("lifecycle", "lifecycle?" + window);
        endpoints.put("funnel", "funnel?" + window);
        endpoints.put("revenue", "revenue?" + window);
        endpoints.put("referrals", "referrals?" + window);
        endpoints.put("kols", "kols?" + window);
        endpoints.put("members/silent", "members/silent?size=" + PAGE + "&day=" + day);
        return endpoints;
    }

    private static String group(UUID group, String path) {
        return "/api/v1/analytics/groups/" + group + "/" + path;
    }

    private String lastSilentPage(UUID group, LocalDate day) throws Exception {
        long total = JsonPath.from(get(group(group, "members/silent?size=" + PAGE + "&day=" + day), operator)).getLong("totalItems");
        return group(group, "members/silent?size=" + PAGE + "&day=" + day + "&page=" + Math.max(0, (total - 1) / PAGE));
    }

    private String lastRankingPage() throws Exception {
        long total = JsonPath.from(get("/api/v1/analytics/groups?size=20&day=" + TODAY, operator)).getLong("totalItems");
        return "/api/v1/analytics/groups?sort=HEALTH&size=20&day=" + TODAY + "&page=" + Math.max(0, (total - 1) / 20);
    }

    /** {median, p99} in milliseconds of {@link #CALLS} calls after {@link #WARM_UP}. */
    private double[] time(String path, String token) throws Exception {
        for (int i = 0; i < WARM_UP; i++) {
            get(path, token);
        }
        double[] times = new double[CALLS];
        for (int i = 0; i < times.length; i++) {
            long start = System.nanoTime();
            get(path, token);
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        Arrays.sort(times);
        return new double[] {times[times.length / 2], times[(int) Math.ceil(0.99 * times.length) - 1]};
    }

    /** {first, median, max} in milliseconds of {@code calls} calls without warm-up. */
    private double[] timeCold(String path, int calls) throws Exception {
        double[] times = new double[calls];
        for (int i = 0; i < calls; i++) {
            long start = System.nanoTime();
            get(path, operator);
            times[i] = (System.nanoTime() - start) / 1e6;
        }
        double first = times[0];
        Arrays.sort(times);
        return new double[] {first, times[calls / 2], times[calls - 1]};
    }

    private String get(String path, String token) throws Exception {
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(60)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).as(path + ": " + response.body()).isEqualTo(200);
        return response.body();
    }

    private static String fmt(double[] t) {
        return String.format("%.1f (%.1f) ms", t[1], t[0]);
    }

    /** The machine's load averages (1, 5, 15 minutes): other builds share its CPUs. */
    private static String load() {
        try {
            String[] f = Files.readString(Path.of("/proc/loadavg")).split(" ");
            return f[0] + " " + f[1] + " " + f[2];
        } catch (Exception e) {
            return "unknown";
        }
    }

    private String sizes(UUID group) {
        return QuarkusTransaction.requiringNew().call(() -> {
            Object[] row = (Object[]) entityManager.createNativeQuery("""
                    select (select count(*) from member_activity_day where group_id = cast(?1 as uuid)),
                           (select count(*) from member_influence_day where group_id = cast(?1 as uuid)),
                           (select count(*) from purchase_attribution where group_id = cast(?1 as uuid))""")
                    .setParameter(1, group.toString()).getSingleResult();
            return String.format("%,d member-days, %,d posting days, %,d purchases", ((Number) row[0]).longValue(),
                    ((Number) row[1]).longValue(), ((Number) row[2]).longValue());
        });
    }

    // ---------------------------------------------------------------- Kafka

    private static KafkaProducer<String, byte[]> producer() {
        return new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class),
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class.getName(),
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, ByteArraySerializer.class.getName(),
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.LINGER_MS_CONFIG, 5));
    }

    private static void send(KafkaProducer<String, byte[]> producer, List<BenchmarkEvents.Event> events) throws Exception {
        List<Future<?>> sent = new ArrayList<>();
        for (BenchmarkEvents.Event event : events) {
            ProducerRecord<String, byte[]> record = event.record();
            sent.add(producer.send(record));
        }
        producer.flush();
        for (Future<?> future : sent) {
            future.get();
        }
    }

    // ---------------------------------------------------------------- the events section's seed

    /** The rows the listeners write for {@code perDay} messages by each of 100 members on each of the last {@code days} days. */
    private void seedEvents(UUID group, int days, int perDay) {
        QuarkusTransaction.requiringNew().run(() -> {
            sql("insert into analytics_group (group_id, time_zone, created_at) values (cast(?1 as uuid), 'Asia/Shanghai', cast(?2 as date))",
                    group.toString(), TODAY.minusDays(days).toString());
            sql("""
                    create temporary table seed_member on commit drop as
                    select gen_random_uuid() as member_id from generate_series(1, 100)""");
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
            entityManager.createNativeQuery("select count(*) from (select analytics_recount(cast(?1 as uuid))) r").setParameter(1, group.toString()).getResultList();
        });
    }

    private void sql(String statement, Object... parameters) {
        var query = entityManager.createNativeQuery(statement);
        for (int i = 0; i < parameters.length; i++) {
            query.setParameter(i + 1, parameters[i]);
        }
        query.executeUpdate();
    }
}
