package io.shequn.engagement.redpackets;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.quarkus.hibernate.orm.PersistenceUnitExtension;
import io.quarkus.test.junit.QuarkusTest;
import io.shequn.contracts.EventContract;
import io.shequn.contracts.EventJson;
import io.shequn.contracts.Events;
import io.shequn.contracts.events.PointsChanged;
import io.shequn.contracts.events.RedPacketFinish;
import io.shequn.contracts.events.RedPacketFinished;
import io.shequn.contracts.events.RedPacketGrabbed;
import io.shequn.engagement.Http;
import io.shequn.engagement.RecordedStatements;
import io.shequn.engagement.points.PointsReason;
import io.shequn.platform.auth.ErasedMembers;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;
import org.postgresql.util.PGobject;

import javax.sql.DataSource;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.lang.management.ThreadMXBean;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;

import static io.shequn.engagement.GroupEvents.join;
import static io.shequn.engagement.GroupEvents.joinMany;
import static io.shequn.engagement.GroupEvents.memberToken;
import static io.shequn.engagement.TestPoints.grant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Not part of the normal build (the name does not end in Test). {@code benchmark.grabbers}
 * (default 1,000) members grab one hot POINTS packet at the same moment over HTTP, for a packet
 * of 100 shares and one of 1,000, {@code benchmark.rounds} rounds each (default 5, a new packet
 * each round) after {@code benchmark.warmup} rounds (default 5). In the same run, against the same
 * database, a plain JDBC client runs the very statements one grab runs, as the service runs them
 * (the token's erased-member check and the access check of the caller's role, each one statement
 * outside any transaction, then the grab's transaction; recorded from the service through
 * Hibernate's statement inspector, and checked statement by statement) with the same
 * number of concurrent callers sharing a pool of as many connections as the service has, in tables
 * of a scratch schema, so it leaves nothing behind for the outbox relay or anyone else. Prints
 * throughput (grab requests answered per second), p50, p99, the CPU time per grab of the JVM and
 * of PostgreSQL and the ratios, with the load, and writes them to target/grab-benchmark.txt.
 *
 * <pre>./mvnw -B -o verify -pl engagement-service -am -Dtest=RedPacketBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@QuarkusTest
class RedPacketBenchmark {

    private static final int GRABBERS = Integer.getInteger("benchmark.grabbers", 1_000);
    private static final int ROUNDS = Integer.getInteger("benchmark.rounds", 5);
    private static final int WARMUP = Integer.getInteger("benchmark.warmup", 5);
    private static final String SCHEMA = "grab_baseline";
    /** The tables one grab touches, copied empty into the scratch schema. */
    private static final List<String> TABLES = List.of("group_membership", "red_packet", "red_packet_share", "points_account",
            "points_entry", "outbox_event");

    @Inject
    DataSource dataSource;

    @Inject
    @PersistenceUnitExtension
    RecordedStatements recorded;

    private final List<String> report = new ArrayList<>();
    private final HttpClient http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(30)).build();
    private long postmaster;
    private List<String> grabSql;
    private List<String> finishSql;

    @Test
    void run() throws Exception {
        int pool = ConfigProvider.getConfig().getValue("quarkus.datasource.jdbc.max-size", Integer.class);
        report.add("red packet grab benchmark, " + Runtime.getRuntime().availableProcessors() + " CPUs, " + GRABBERS
                + " concurrent grabbers, " + ROUNDS + " rounds after " + WARMUP + " warm-up rounds, JDBC pool " + pool + ", " + Instant.now());

        postmaster = postmaster();
        UUID group = UUID.randomUUID();
        UUID sender = UUID.randomUUID();
        join(group, sender);
        List<UUID> grabbers = joinMany(group, GRABBERS);
        List<String> tokens = grabbers.stream().map(m -> memberToken(m)).toList();
        grant(sender, 1_000_000_000L);
        recordOneGrab(group, sender);

        try (Baseline baseline = new Baseline(group, pool)) {
            for (int count : new int[] {100, 1_000}) {
                for (int i = 0; i < WARMUP; i++) {
                    service(group, sender, tokens, count);
                    baseline.round(grabbers, count);
                }
                Figures service = new Figures();
                Figures plain = new Figures();
                String loadBefore = load();
                for (int i = 0; i < ROUNDS; i++) {
                    service.add(service(group, sender, tokens, count));
                    plain.add(baseline.round(grabbers, count));
                }
                String loadAfter = load();
                report.add("");
                report.add(String.format("count %,d, %,d grabbers (load before %s, after %s)", count, GRABBERS, loadBefore, loadAfter));
                report.add(service.line("service over HTTP"));
                report.add(plain.line("plain JDBC, same SQL"));
                report.add(String.format("  ratios: throughput %.2f× the plain SQL's (aim ≥ 0.5), p99 %.2f× (aim ≤ 2)",
                        service.throughput() / plain.throughput(), service.percentile(99) / plain.percentile(99)));
            }
        }
        report.add("");
        report.add("statements of one grab (the last two only for the grab that finishes the packet):");
        grabSql.forEach(sql -> report.add("  " + sql.replaceAll("\\s+", " ")));
        finishSql.forEach(sql -> report.add("  " + sql.replaceAll("\\s+", " ")));
        String out = String.join(System.lineSeparator(), report);
        System.out.println(System.lineSeparator() + out + System.lineSeparator());
        Files.writeString(Path.of("target", "grab-benchmark.txt"), out + System.lineSeparator());
    }

    /**
     * One round over HTTP: a new packet, then every grabber at once, each on its own thread with a
     * blocking send, as the baseline's callers. (Not sendAsync: with 2 CPUs the common pool has one
     * thread, so the JDK client starts a new thread for every response it completes, a cost of the
     * harness that the profile showed as 1,000 thread starts a round.)
     */
    private Round service(UUID group, UUID sender, List<String> tokens, int count) throws Exception {
        awaitOutboxDrained();
        String packet = RedPacketResourceTest.send(sender, group, Map.of("totalAmount", count * 100L, "count", count, "currency", "POINTS"))
                .then().statusCode(201).extract().path("id");
        List<HttpRequest> requests = tokens.stream().map(token -> HttpRequest.newBuilder(
                        Http.uri("/api/v1/groups/" + group + "/red-packets/" + packet + "/grabs"))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(120))
                .POST(HttpRequest.BodyPublishers.noBody()).build()).toList();
        return race(requests.size(), count, index -> http.send(requests.get(index), HttpResponse.BodyHandlers.discarding()).statusCode());
    }

    /** One grab by the grabber of this index; answers the HTTP status (or the status the API would answer). */
    private interface Grab {
        int run(int index) throws Exception;
    }

    /**
     * Every grabber at once, on a thread each, released together; the latency of each grab, the
     * round's duration and the CPU time the JVM and PostgreSQL spent meanwhile.
     */
    private Round race(int grabbers, int count, Grab grab) throws Exception {
        AtomicInteger number = new AtomicInteger();
        ExecutorService threads = Executors.newFixedThreadPool(grabbers, task -> new Thread(task, CLIENT_THREAD + number.incrementAndGet()));
        CountDownLatch ready = new CountDownLatch(grabbers);
        CountDownLatch go = new CountDownLatch(1);
        long[] latencies = new long[grabbers];
        List<Future<Integer>> results = new ArrayList<>();
        try {
            for (int i = 0; i < grabbers; i++) {
                int index = i;
                results.add(threads.submit(() -> {
                    ready.countDown();
                    go.await();
                    long t0 = System.nanoTime();
                    try {
                        return grab.run(index);
                    } finally {
                        latencies[index] = System.nanoTime() - t0;
                    }
                }));
            }
            ready.await();
            Cpu before = Cpu.now(postmaster);
            long start = System.nanoTime();
            go.countDown();
            int won = 0;
            int empty = 0;
            for (Future<Integer> result : results) {
                int status = result.get();
                won += status == 201 ? 1 : 0;
                empty += status == 409 ? 1 : 0;
            }
            long elapsed = System.nanoTime() - start;
            Cpu spent = Cpu.now(postmaster).minus(before);
            checkOutcome(count, won, empty, grabbers);
            return new Round(latencies, elapsed, spent);
        } finally {
            threads.shutdownNow();
        }
    }

    private static void checkOutcome(int count, int won, int empty, int grabbers) {
        assertThat(won).as("grabs that got a share").isEqualTo(Math.min(count, grabbers));
        assertThat(won + empty).as("every answer is 201 or 409").isEqualTo(grabbers);
    }

    /** The statements of a grab, and of the grab that finishes a packet, as the service runs them. */
    private void recordOneGrab(UUID group, UUID sender) {
        UUID first = UUID.randomUUID();
        UUID last = UUID.randomUUID();
        join(group, first);
        join(group, last);
        grant(first, 1); // grabbers with points accounts, like the crowd after its first round
        grant(last, 1);
        String packet = RedPacketResourceTest.send(sender, group, Map.of("totalAmount", 200, "count", 2, "currency", "POINTS"))
                .then().statusCode(201).extract().path("id");
        grabSql = withoutBackgroundJobs(recorded.during(() -> RedPacketResourceTest.grab(first, group, packet).then().statusCode(201)));
        List<String> finishing = withoutBackgroundJobs(recorded.during(() -> RedPacketResourceTest.grab(last, group, packet).then().statusCode(201)));
        assertThat(finishing.subList(0, grabSql.size())).isEqualTo(grabSql);
        finishSql = finishing.subList(grabSql.size(), finishing.size());
        // The erased-member check is plain JDBC (ErasedMembers.IS_ERASED), not seen by Hibernate's inspector.
        String[] expected = {"select role from group_membership", "select m.role", "update red_packet_share",
                "select balance from points_account", "insert into points_entry", "update points_account", "insert into outbox_event", "insert into outbox_event",
                "update red_packet set"};
        assertThat(grabSql).as("the grab's statements, which the baseline binds one by one").hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            assertThat(grabSql.get(i)).startsWith(expected[i]);
        }
        assertThat(finishSql).hasSize(2);
        assertThat(finishSql.get(0)).startsWith("select packet_id, member_id, amount, grabbed_at from red_packet_share");
        assertThat(finishSql.get(1)).startsWith("insert into outbox_event");
    }

    /** The PostgreSQL server process: the parent of this connection's backend. */
    private long postmaster() throws SQLException, IOException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
             ResultSet row = statement.executeQuery("select pg_backend_pid()")) {
            row.next();
            String stat = Files.readString(Path.of("/proc", row.getString(1), "stat"));
            return Long.parseLong(stat.substring(stat.lastIndexOf(')') + 2).split(" ")[1]);
        }
    }

    /** The outbox backlog gauge's count runs every 2 s on a worker thread too; it is no part of a grab. */
    private static List<String> withoutBackgroundJobs(List<String> statements) {
        return statements.stream().filter(sql -> !sql.startsWith("select count(*), min(created_at) from outbox_event")).toList();
    }

    private void awaitOutboxDrained() {
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200)).until(() -> {
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement();
                 ResultSet rows = statement.executeQuery("select count(*) from outbox_event where published_at is null")) {
                rows.next();
                return rows.getLong(1) == 0;
            }
        });
    }

    private static String load() {
        try {
            return Files.readString(Path.of("/proc/loadavg")).trim().replaceAll("^(\\S+ \\S+ \\S+).*", "$1");
        } catch (Exception e) {
            return "unknown";
        }
    }

    private record Round(long[] latencies, long elapsedNanos, Cpu cpu) {
    }

    /** The grabbers' threads; with the JDK HTTP client's own, the client side of the JVM's CPU time. */
    private static final String CLIENT_THREAD = "grabber-";

    /**
     * CPU time so far of this JVM (the service and both clients) and of PostgreSQL (the postmaster
     * and its live children, the backends; plus the children that ended), from /proc, in ms.
     */
    private record Cpu(double jvmMillis, double clientMillis, double postgresMillis) {

        private static final double TICK_MILLIS = 10;   // USER_HZ is 100 on Linux

        static Cpu now(long postmaster) {
            double jvm = ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean()).getProcessCpuTime() / 1e6;
            ThreadMXBean threads = ManagementFactory.getThreadMXBean();
            double client = 0;
            for (ThreadInfo thread : threads.getThreadInfo(threads.getAllThreadIds())) {
                if (thread != null && (thread.getThreadName().startsWith(CLIENT_THREAD) || thread.getThreadName().startsWith("HttpClient-"))) {
                    client += Math.max(0, threads.getThreadCpuTime(thread.getThreadId())) / 1e6;
                }
            }
            double postgres = 0;
            try (var processes = Files.list(Path.of("/proc"))) {
                for (Path dir : processes.filter(d -> d.getFileName().toString().matches("\\d+")).toList()) {
                    String[] stat = stat(dir);
                    if (stat == null) {
                        continue;
                    }
                    long pid = Long.parseLong(dir.getFileName().toString());
                    if (pid == postmaster) {
                        postgres += ticks(stat, 11) + ticks(stat, 12) + ticks(stat, 13) + ticks(stat, 14);
                    } else if (Long.parseLong(stat[1]) == postmaster) {
                        postgres += ticks(stat, 11) + ticks(stat, 12);
                    }
                }
            } catch (IOException e) {
                return new Cpu(jvm, client, Double.NaN);
            }
            return new Cpu(jvm, client, postgres * TICK_MILLIS);
        }

        /** The fields of /proc/PID/stat after the command name (field 3, the state, is index 0). */
        private static String[] stat(Path dir) {
            try {
                String line = Files.readString(dir.resolve("stat"));
                return line.substring(line.lastIndexOf(')') + 2).split(" ");
            } catch (IOException | RuntimeException e) {
                return null;   // the process ended meanwhile
            }
        }

        private static long ticks(String[] stat, int index) {
            return Long.parseLong(stat[index]);
        }

        Cpu minus(Cpu earlier) {
            return new Cpu(jvmMillis - earlier.jvmMillis, clientMillis - earlier.clientMillis, postgresMillis - earlier.postgresMillis);
        }
    }

    private static final class Figures {
        private final List<Round> rounds = new ArrayList<>();

        void add(Round round) {
            rounds.add(round);
        }

        double throughput() {
            long requests = rounds.stream().mapToLong(r -> r.latencies().length).sum();
            long nanos = rounds.stream().mapToLong(Round::elapsedNanos).sum();
            return requests / (nanos / 1e9);
        }

        double percentile(int p) {
            long[] all = rounds.stream().flatMapToLong(r -> Arrays.stream(r.latencies())).sorted().toArray();
            int index = (int) Math.ceil(p / 100.0 * all.length) - 1;
            return all[Math.max(0, Math.min(all.length - 1, index))] / 1e6;
        }

        /** CPU ms per grab request: the JVM's, of which its client threads', and PostgreSQL's. */
        double[] cpuPerGrab() {
            long requests = rounds.stream().mapToLong(r -> r.latencies().length).sum();
            return new double[] {rounds.stream().mapToDouble(r -> r.cpu().jvmMillis()).sum() / requests,
                    rounds.stream().mapToDouble(r -> r.cpu().clientMillis()).sum() / requests,
                    rounds.stream().mapToDouble(r -> r.cpu().postgresMillis()).sum() / requests};
        }

        /** The slowest and fastest round's throughput: how noisy the figure is. */
        String spread() {
            double[] rates = rounds.stream().mapToDouble(r -> r.latencies().length / (r.elapsedNanos() / 1e9)).sorted().toArray();
            return String.format("rounds %.0f–%.0f/s", rates[0], rates[rates.length - 1]);
        }

        String line(String name) {
            double[] cpu = cpuPerGrab();
            return String.format("  %-22s %6.0f grabs/s (%s)   p50 %7.1f ms   p99 %7.1f ms   CPU per grab: JVM %.2f ms (client threads %.2f), PostgreSQL %.2f ms",
                    name, throughput(), spread(), percentile(50), percentile(99), cpu[0], cpu[1], cpu[2]);
        }
    }

    /**
     * The plain JDBC client: its own connections to the service's database, each with the scratch
     * schema first on its search path, so the same SQL text reaches tables that nothing else reads.
     */
    private final class Baseline implements AutoCloseable {

        private final UUID group;
        private final BlockingQueue<Connection> connections;
        private final List<Connection> all = new ArrayList<>();
        private final SecureRandom random = new SecureRandom();

        Baseline(UUID group, int size) throws SQLException {
            this.group = group;
            this.connections = new ArrayBlockingQueue<>(size);
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("drop schema if exists " + SCHEMA + " cascade");
                statement.execute("create schema " + SCHEMA);
                for (String table : TABLES) {
                    statement.execute("create table " + SCHEMA + "." + table + " (like public." + table + " including all)");
                }
                // Its own id sequence and the ledger's append-only trigger, as in the live tables.
                statement.execute("create sequence " + SCHEMA + ".outbox_seq");
                statement.execute("alter table " + SCHEMA + ".outbox_event alter column seq set default nextval('" + SCHEMA + ".outbox_seq')");
                statement.execute("create trigger points_entry_append_only before update or delete on " + SCHEMA
                        + ".points_entry for each row execute function public.points_entry_is_append_only()");
                statement.execute("insert into " + SCHEMA + ".group_membership select * from public.group_membership where group_id = '" + group + "'");
                // The grabbers' points accounts, as the service has them after the first warm-up round.
                statement.execute("insert into " + SCHEMA + ".points_account (member_id, balance) select member_id, 0 from " + SCHEMA
                        + ".group_membership");
            }
            var config = ConfigProvider.getConfig();
            String url = config.getValue("quarkus.datasource.jdbc.url", String.class);
            String user = config.getValue("quarkus.datasource.username", String.class);
            String password = config.getValue("quarkus.datasource.password", String.class);
            for (int i = 0; i < size; i++) {
                Connection connection = DriverManager.getConnection(url, user, password);
                try (Statement statement = connection.createStatement()) {
                    statement.execute("set search_path to " + SCHEMA + ", public");
                }
                connection.setAutoCommit(false);
                all.add(connection);
                connections.add(connection);
            }
        }

        Round round(List<UUID> grabbers, int count) throws Exception {
            UUID packet = packet(count);
            return race(grabbers.size(), count, index -> {
                Connection connection = connections.take();
                try {
                    return grab(connection, packet, grabbers.get(index));
                } finally {
                    connections.add(connection);
                }
            });
        }

        /** A packet of {@code count} shares, split as the service splits it. */
        private UUID packet(int count) throws SQLException {
            UUID packet = UUID.randomUUID();
            Connection connection = connections.remove();
            try (PreparedStatement insert = connection.prepareStatement("""
                    insert into red_packet (id, group_id, sender_id, currency, total_amount, share_count, sent_at, expires_at)
                    values (?, ?, ?, 'POINTS', ?, ?, now(), now() + interval '1 day')""");
                 PreparedStatement shares = connection.prepareStatement("insert into red_packet_share (packet_id, seq, amount) values (?, ?, ?)")) {
                insert.setObject(1, packet);
                insert.setObject(2, group);
                insert.setObject(3, UUID.randomUUID());
                insert.setLong(4, count * 100L);
                insert.setInt(5, count);
                insert.executeUpdate();
                long[] amounts = RedPacketSplitter.split(count * 100L, count, random);
                for (int i = 0; i < amounts.length; i++) {
                    shares.setObject(1, packet);
                    shares.setInt(2, i + 1);
                    shares.setLong(3, amounts[i]);
                    shares.addBatch();
                }
                shares.executeBatch();
                connection.commit();
            } finally {
                connections.add(connection);
            }
            return packet;
        }

        /** The recorded statements of one grab, bound as the service binds them; 201, 200 or 409 like the API. */
        private int grab(Connection connection, UUID packet, UUID member) throws SQLException, JsonProcessingException {
            // The token's erased-member check and the access filter's role check: one statement each, in no
            // transaction, as in the service.
            connection.setAutoCommit(true);
            try {
                first(connection, ErasedMembers.IS_ERASED, member);
                if (first(connection, grabSql.get(0), group, member) == null) {
                    throw new IllegalStateException("not a member");
                }
            } finally {
                connection.setAutoCommit(false);
            }
            try {
                Instant now = Instant.now().truncatedTo(ChronoUnit.MICROS);
                OffsetDateTime at = now.atOffset(ZoneOffset.UTC);
                Object[] read = first(connection, grabSql.get(1), RedPacketGrabber.LOCK_SPACE, Objects.hash(packet, member), group, member,
                        packet, group, member);
                if (read[0] == null) {
                    throw new IllegalStateException("not a member");
                }
                if (read[1] != null) {
                    return rollback(connection, 200);
                }
                if (read[15] != null || !((Timestamp) read[11]).toInstant().isAfter(now)) {
                    return rollback(connection, 409);
                }
                Object[] claimed = first(connection, grabSql.get(2), member, at, packet, packet);
                if (claimed == null) {
                    return rollback(connection, 409);
                }
                long amount = ((Number) claimed[0]).longValue();
                long after = ((Number) first(connection, grabSql.get(3), member)[0]).longValue() + amount;
                update(connection, grabSql.get(4), UUID.randomUUID(), member, group, amount, after, PointsReason.RED_PACKET_GRAB, packet,
                        null, null, at);
                update(connection, grabSql.get(5), after, at, member);
                outbox(connection, grabSql.get(6), Events.POINTS_CHANGED, member.toString(), at,
                        new PointsChanged(member, group, amount, after, PointsReason.RED_PACKET_GRAB, packet, now));
                outbox(connection, grabSql.get(7), Events.RED_PACKET_GRABBED, group.toString(), at,
                        new RedPacketGrabbed(packet, group, member, amount, "POINTS", now));
                Object[] counted = first(connection, grabSql.get(8), amount, at, packet, at);
                if (counted == null) {
                    return rollback(connection, 409);
                }
                if ("GRABBED_OUT".equals(counted[12])) {
                    List<Object[]> grabs = all(connection, finishSql.get(0), packet);
                    outbox(connection, finishSql.get(1), Events.RED_PACKET_FINISHED, group.toString(), at,
                            new RedPacketFinished(packet, group, (UUID) counted[2], "POINTS", ((Number) counted[4]).longValue(),
                                    grabs.size(), grabs.size(), ((Number) counted[10]).longValue(), 0, RedPacketFinish.GRABBED_OUT,
                                    (UUID) grabs.get(0)[1], ((Number) grabs.get(0)[2]).longValue(), now));
                }
                connection.commit();
                return 201;
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }

        private int rollback(Connection connection, int status) throws SQLException {
            connection.rollback();
            return status;
        }

        private Object[] first(Connection connection, String sql, Object... parameters) throws SQLException {
            List<Object[]> rows = all(connection, sql, parameters);
            return rows.isEmpty() ? null : rows.get(0);
        }

        /** Every row, read in full as Hibernate reads a native query's result list. */
        private List<Object[]> all(Connection connection, String sql, Object... parameters) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(statement, parameters);
                try (ResultSet result = statement.executeQuery()) {
                    int columns = result.getMetaData().getColumnCount();
                    List<Object[]> rows = new ArrayList<>();
                    while (result.next()) {
                        Object[] row = new Object[columns];
                        for (int i = 0; i < columns; i++) {
                            row[i] = result.getObject(i + 1);
                        }
                        rows.add(row);
                    }
                    return rows;
                }
            }
        }

        private void update(Connection connection, String sql, Object... parameters) throws SQLException {
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                bind(statement, parameters);
                statement.executeUpdate();
            }
        }

        /** Hibernate's insert of an outbox row: its columns in its order, the generated id read back. */
        private void outbox(Connection connection, String sql, EventContract<?> contract, String key, OffsetDateTime at, Object data)
                throws SQLException, JsonProcessingException {
            PGobject json = new PGobject();
            json.setType("jsonb");
            json.setValue(EventJson.mapper().writeValueAsString(data));
            // created_at, data, event_id, event_time, published_at, record_key, source, subject, topic, traceparent, type
            try (PreparedStatement insert = connection.prepareStatement(sql, new String[] {"seq"})) {
                bind(insert, at, json, UUID.randomUUID(), at, null, key, "/shequn/engagement-service", key, contract.topic(), null,
                        contract.type());
                insert.executeUpdate();
                try (ResultSet keys = insert.getGeneratedKeys()) {
                    keys.next();
                }
            }
        }

        private void bind(PreparedStatement statement, Object... values) throws SQLException {
            for (int i = 0; i < values.length; i++) {
                statement.setObject(i + 1, values[i]);
            }
        }

        @Override
        public void close() throws SQLException {
            for (Connection connection : all) {
                connection.close();
            }
            try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
                statement.execute("drop schema if exists " + SCHEMA + " cascade");
            }
        }
    }
}
