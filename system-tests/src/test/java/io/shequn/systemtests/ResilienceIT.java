package io.shequn.systemtests;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import io.shequn.localstack.DevTokens;
import io.shequn.localstack.KafkaTestClient;
import io.shequn.localstack.PackagedService;
import io.shequn.localstack.PackagedSuite;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 13, the harness of journeys (6)–(8): a suite of its own ({@link PackagedSuite}, not the
 * shared {@link Suite}), because these break it, used by three scenarios one after another so
 * that its start-up is paid once. While members of a fresh group keep posting messages through
 * the REST API (the {@link Traffic}, whose count of accepted messages is the ground truth):
 * (6) analytics-service is killed with SIGKILL and started again on the same port and database;
 * (7) the Kafka broker is stopped for 30 s and started again; (8) a second replica each of
 * engagement-service and analytics-service joins, on other ports with the same Kafka, databases and
 * consumer groups (the partitions are split between the two, as Kafka's admin client describes the
 * groups), the traffic and the grabs of one red packet are spread across both engagement replicas.
 * Each time engagement-service lists and analytics counts exactly the messages accepted (nothing
 * lost, nothing counted twice), and the red packet is grabbed exactly as many times as it has shares.
 * The load is this class's own traffic, not yet {@code ./shequn simulate}'s.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResilienceIT {

    private static final String TODAY_ZONE = "Asia/Shanghai";

    private static PackagedSuite suite;
    private static DevTokens tokens;

    @BeforeAll
    static void start() {
        suite = PackagedSuite.forTests(Suite.ROOT);
        suite.start();
        tokens = suite.stack().tokens();
    }

    @AfterAll
    static void stop() {
        if (suite != null) {
            suite.stop();
            deleteRecursively(suite.stack() == null ? null : suite.stack().settings().dir());
        }
    }

    @Test
    @Order(6)
    void analyticsKilledWithSigkillMidTrafficCountsEveryMessageOnce() {
        Community community = Community.create(6);
        try (Traffic traffic = new Traffic(community)) {
            traffic.awaitMore(15);
            suite.killAndRestart(suite.service("analytics"));
            traffic.awaitMore(15);
        }
        community.assertCounted();
    }

    @Test
    @Order(7)
    void kafkaStoppedForThirtySecondsMidTrafficLosesAndDoublesNothing() throws InterruptedException {
        Community community = Community.create(6);
        try (Traffic traffic = new Traffic(community)) {
            traffic.awaitMore(15);
            Instant stopped = Instant.now();
            suite.stack().kafka().stop();
            // While Kafka is down the services keep answering: a newcomer registers and joins, messages are accepted.
            UUID newcomer = community.register("Newcomer");
            community.join(newcomer);
            traffic.awaitMore(5);
            Thread.sleep(Math.max(0, Duration.between(Instant.now(), stopped.plusSeconds(30)).toMillis()));   // the outage itself
            suite.stack().kafka().start();
            community.awaitKnownToEngagement(newcomer);
            community.post(newcomer, suite.service("engagement"));
            traffic.awaitMore(15);
        }
        community.assertCounted();
    }

    @Test
    @Order(8)
    void secondReplicasSplitThePartitionsAndTheRedPacketStaysExact() throws Exception {
        CompletableFuture<PackagedService> engagement = CompletableFuture.supplyAsync(() -> suite.addReplica("engagement"));
        CompletableFuture<PackagedService> analytics = CompletableFuture.supplyAsync(() -> suite.addReplica("analytics"));
        engagement.get();
        analytics.get();
        try (KafkaTestClient kafka = new KafkaTestClient(suite.stack().kafka().bootstrapServers())) {
            for (String group : List.of("engagement-service", "analytics-service")) {
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofSeconds(1)).untilAsserted(() -> {
                    Map<String, Set<TopicPartition>> assignments = kafka.assignments(group);
                    assertThat(assignments).as(group + "'s members").hasSize(2);
                    assertThat(assignments.values()).as(group + ": each replica reads partitions").allSatisfy(p -> assertThat(p).isNotEmpty());
                    Set<TopicPartition> union = new HashSet<>();
                    assignments.values().forEach(union::addAll);
                    assertThat(union).as(group + ": no partition read by both").hasSize(assignments.values().stream().mapToInt(Set::size).sum());
                });
            }
        }

        Community community = Community.create(10);
        try (Traffic traffic = new Traffic(community)) {
            traffic.awaitMore(20);
            community.rushRedPacket(5);
            traffic.awaitMore(10);
        }
        community.assertCounted();
    }

    /** A group of one owner and members who joined it, and what was done in it that the services must agree on. */
    private static final class Community {
        final UUID owner;
        final UUID group;
        final List<UUID> members = new CopyOnWriteArrayList<>();
        final AtomicInteger messages = new AtomicInteger();
        int redPacketShares;

        private Community(UUID owner, UUID group) {
            this.owner = owner;
            this.group = group;
        }

        static Community create(int size) {
            UUID owner = UUID.randomUUID();
            as(owner).body(Map.of("displayName", "Owner")).when().put(member("/api/v1/members/me")).then().statusCode(201);
            UUID group = UUID.fromString(as(owner).body(Map.of("name", "Resilient circle", "type", "INTEREST", "admission", Map.of("mode", "OPEN")))
                    .when().post(suite.service("group").baseUrl() + "/api/v1/groups").then().statusCode(201).extract().path("id"));
            Community community = new Community(owner, group);
            List<UUID> joined = new ArrayList<>();
            for (int i = 0; i < size; i++) {
                UUID member = community.register("Member " + i);
                community.join(member);
                joined.add(member);
            }
            joined.forEach(community::awaitKnownToEngagement);
            return community;
        }

        UUID register(String name) {
            UUID id = UUID.randomUUID();
            as(id).body(Map.of("displayName", name)).when().put(member("/api/v1/members/me")).then().statusCode(201);
            return id;
        }

        void join(UUID member) {
            as(member).body(Map.of()).when().post(suite.service("group").baseUrl() + "/api/v1/groups/" + group + "/members")
                    .then().statusCode(201);
        }

        /** Waits until every engagement replica accepts the member as one of the group's, then lets the traffic use them. */
        void awaitKnownToEngagement(UUID member) {
            for (PackagedService engagement : suite.replicas("engagement")) {
                await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> as(member)
                        .when().get(engagement.baseUrl() + "/api/v1/groups/" + group + "/red-packets").then().statusCode(200));
            }
            members.add(member);
        }

        /** One message through the given replica; counted only if accepted. Any other answer fails the scenario. */
        void post(UUID member, PackagedService engagement) {
            Response response = as(member).body(Map.of("kind", "TEXT", "text", "message " + messages.get()))
                    .when().post(engagement.baseUrl() + "/api/v1/groups/" + group + "/messages");
            assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
            messages.incrementAndGet();
        }

        /** A POINTS packet of {@code shares} grabbed at once by every member, each through the next engagement replica in turn. */
        void rushRedPacket(int shares) throws Exception {
            List<PackagedService> replicas = suite.replicas("engagement");
            asOperator().body(Map.of("delta", 100 * shares, "reason", "red packet budget"))
                    .when().post(replicas.get(0).baseUrl() + "/api/v1/members/" + owner + "/points/adjustments").then().statusCode(201);
            String packet = as(owner).body(Map.of("totalAmount", 100 * shares, "count", shares, "currency", "POINTS"))
                    .when().post(replicas.get(0).baseUrl() + "/api/v1/groups/" + group + "/red-packets")
                    .then().statusCode(201).extract().path("id");
            List<UUID> grabbers = List.copyOf(members);
            CountDownLatch go = new CountDownLatch(1);
            ExecutorService threads = Executors.newFixedThreadPool(grabbers.size());
            List<Future<Integer>> answers = new ArrayList<>();
            try {
                for (int i = 0; i < grabbers.size(); i++) {
                    String url = replicas.get(i % replicas.size()).baseUrl() + "/api/v1/groups/" + group + "/red-packets/" + packet + "/grabs";
                    UUID grabber = grabbers.get(i);
                    answers.add(threads.submit(() -> {
                        go.await();
                        return as(grabber).when().post(url).statusCode();
                    }));
                }
                go.countDown();
                List<Integer> statuses = new ArrayList<>();
                for (Future<Integer> answer : answers) {
                    statuses.add(answer.get());
                }
                assertThat(statuses).filteredOn(s -> s == 201).hasSize(shares);
                assertThat(statuses).filteredOn(s -> s != 201).hasSize(grabbers.size() - shares).containsOnly(409);
            } finally {
                threads.shutdownNow();
            }
            for (PackagedService engagement : replicas) {
                JsonPath finished = new JsonPath(asOperator().when().get(engagement.baseUrl() + "/api/v1/groups/" + group + "/red-packets/" + packet)
                        .then().statusCode(200).extract().asString());
                assertThat(finished.getString("status")).isEqualTo("GRABBED_OUT");
                assertThat(finished.getInt("grabbedCount")).isEqualTo(shares);
                assertThat(finished.getLong("grabbedAmount")).isEqualTo(100L * shares);
                assertThat(finished.getList("grabs.memberId")).doesNotHaveDuplicates().hasSize(shares);
            }
            redPacketShares = shares;
        }

        /** Every replica of engagement-service lists, and every replica of analytics counts, exactly what was accepted. */
        void assertCounted() {
            LocalDate today = LocalDate.now(ZoneId.of(TODAY_ZONE));
            String window = "&from=" + today.minusDays(1) + "&to=" + today.plusDays(1);   // the traffic may cross midnight
            for (PackagedService engagement : suite.replicas("engagement")) {
                assertThat(asOperator().when().get(engagement.baseUrl() + "/api/v1/groups/" + group + "/messages")
                        .then().statusCode(200).extract().jsonPath().getLong("totalItems")).isEqualTo(messages.get());
            }
            for (PackagedService analytics : suite.replicas("analytics")) {
                String base = analytics.baseUrl() + "/api/v1/analytics/groups/" + group;
                await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(500))
                        .until(() -> sum(base + "/timeseries?metric=MESSAGES" + window) >= messages.get());
                assertThat(sum(base + "/timeseries?metric=MESSAGES" + window)).as("messages counted once each").isEqualTo(messages.get());
                await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
                    assertThat(sum(base + "/timeseries?metric=JOINS" + window)).isEqualTo(members.size() + 1);
                    assertThat(sum(base + "/timeseries?metric=RED_PACKETS" + window)).isEqualTo(redPacketShares);
                });
            }
        }

        private static long sum(String url) {
            return asOperator().when().get(url).then().statusCode(200).extract().jsonPath().getList("value", Long.class)
                    .stream().mapToLong(Long::longValue).sum();
        }
    }

    /** Members of the community post one message after another, through each engagement replica in turn, until closed. */
    private static final class Traffic implements AutoCloseable {
        private final Community community;
        private final Thread thread;
        private final List<Throwable> failures = new CopyOnWriteArrayList<>();
        private volatile boolean running = true;

        Traffic(Community community) {
            this.community = community;
            this.thread = new Thread(this::run, "traffic");
            thread.start();
        }

        private void run() {
            int i = 0;
            while (running) {
                List<PackagedService> replicas = suite.replicas("engagement");
                try {
                    community.post(community.members.get(i % community.members.size()), replicas.get(i % replicas.size()));
                } catch (Throwable e) {
                    failures.add(e);
                    return;
                }
                i++;
            }
        }

        /** Waits until {@code count} more messages have been accepted. */
        void awaitMore(int count) {
            int target = community.messages.get() + count;
            await().atMost(Duration.ofMinutes(2)).failFast("the traffic failed", () -> !failures.isEmpty())
                    .until(() -> community.messages.get() >= target);
        }

        @Override
        public void close() {
            running = false;
            try {
                thread.join(Duration.ofMinutes(1).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            assertThat(failures).as("answers the traffic got besides 201").isEmpty();
        }
    }

    private static String member(String path) {
        return suite.service("member").baseUrl() + path;
    }

    private static RequestSpecification as(UUID member) {
        return given().auth().oauth2(tokens.member(member)).contentType(ContentType.JSON);
    }

    private static RequestSpecification asOperator() {
        return given().auth().oauth2(tokens.operator(UUID.randomUUID())).contentType(ContentType.JSON);
    }

    private static void deleteRecursively(Path dir) {
        if (dir == null || !Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
