package io.shequn.systemtests;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.specification.RequestSpecification;
import io.shequn.localstack.DevTokens;
import io.shequn.localstack.KafkaTestClient;
import io.shequn.localstack.PackagedService;
import io.shequn.localstack.PackagedSuite;
import io.shequn.localstack.simulator.GroundTruth;
import io.shequn.localstack.simulator.Simulation;
import io.shequn.localstack.simulator.SimulationOptions;
import io.shequn.localstack.simulator.SuiteEndpoints;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
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
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 13, journeys (6)–(8): {@code ./shequn simulate}'s small run (every admission mode and
 * fate, moderation, red packets, lotteries, activities, bridge messages, shop purchases) on a
 * suite of its own ({@link PackagedSuite}, not the shared {@link Suite}, because these break it),
 * three runs one after another so that its start-up is paid once. While the simulator runs:
 * (6) analytics-service is killed with SIGKILL and started again on the same port and database;
 * (7) the Kafka broker is stopped for 30 s and started again; (8) with a second replica each of
 * engagement-service and analytics-service, on other ports with the same Kafka, databases and
 * consumer groups (the partitions split between the two, as Kafka's admin client describes the
 * groups), the simulator drives the second replicas. Each time its ground truth matches exactly
 * what the services answer (nothing lost, nothing counted twice), through every replica; then 10
 * members grab a 5-share red packet at once, half through each engagement replica: exactly 5 grabs,
 * told alike by both replicas and counted alike by both analytics replicas.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ResilienceIT {

    private static final Duration SETTLE = Duration.ofMinutes(3);

    private static PackagedSuite suite;
    private static DevTokens tokens;
    private static SuiteEndpoints endpoints;

    @BeforeAll
    static void start() {
        suite = PackagedSuite.forTests(Suite.ROOT);
        suite.start();
        tokens = suite.stack().tokens();
        endpoints = SuiteEndpoints.localhost(suite.service("member").port(), suite.service("group").port(),
                suite.service("engagement").port(), suite.service("analytics").port(),
                Integer.parseInt(suite.stack().kafka().bootstrapServers().replaceAll(".*:", "")), suite.stack().settings().dir());
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
    void aServiceKilledWithSigkillWhileTheSimulatorRunsLosesAndDoublesNothing() {
        Simulating run = Simulating.start(endpoints, 6);
        run.awaitDays(1);
        suite.killAndRestart(suite.service("analytics"));
        assertThat(run.finish().verify(endpoints, SETTLE)).isEmpty();
    }

    @Test
    @Order(7)
    void kafkaStoppedForThirtySecondsWhileTheSimulatorRunsLosesAndDoublesNothing() throws InterruptedException {
        Simulating run = Simulating.start(endpoints, 7);
        run.awaitDays(1);
        Instant stopped = Instant.now();
        suite.stack().kafka().stop();
        Thread.sleep(Math.max(0, Duration.between(Instant.now(), stopped.plusSeconds(30)).toMillis()));   // the outage itself
        suite.stack().kafka().start();
        assertThat(run.finish().verify(endpoints, SETTLE)).isEmpty();
    }

    @Test
    @Order(8)
    void secondReplicasSplitThePartitionsAndTheGroundTruthAndTheRedPacketStayExact() throws Exception {
        CompletableFuture<PackagedService> engagement = CompletableFuture.supplyAsync(() -> suite.addReplica("engagement"));
        CompletableFuture<PackagedService> analytics = CompletableFuture.supplyAsync(() -> suite.addReplica("analytics"));
        PackagedService engagement2 = engagement.get();
        PackagedService analytics2 = analytics.get();
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
        // The simulator drives the second replicas; the first ones' clocks move along.
        SuiteEndpoints viaSecond = new SuiteEndpoints(endpoints.memberUrl(), endpoints.groupUrl(), engagement2.baseUrl(),
                analytics2.baseUrl(), endpoints.kafkaBootstrap(), endpoints.tokens(), List.of(endpoints.engagementUrl(), endpoints.analyticsUrl()));
        GroundTruth truth = Simulating.start(viaSecond, 8).finish();
        assertThat(truth.verify(viaSecond, SETTLE)).as("through the second replicas").isEmpty();
        assertThat(truth.verify(endpoints, SETTLE)).as("through the first replicas").isEmpty();

        RedPacketRush.through(suite.replicas("engagement"), suite.replicas("analytics"), 10, 5);
    }

    /** A simulation playing in the background; its progress lines go to the test's output and are watched. */
    private static final class Simulating {
        private final CompletableFuture<GroundTruth> truth;
        private final List<String> lines = new CopyOnWriteArrayList<>();

        private Simulating(SuiteEndpoints endpoints, long seed) {
            PrintStream progress = new PrintStream(new LineWatcher(lines), true, StandardCharsets.UTF_8);
            truth = CompletableFuture.supplyAsync(() -> Simulation.run(SimulationOptions.small(seed, progress), endpoints));
        }

        static Simulating start(SuiteEndpoints endpoints, long seed) {
            return new Simulating(endpoints, seed);
        }

        /** Waits until the simulator has played {@code days} simulated days. */
        void awaitDays(int days) {
            await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(200)).failFast("the simulation ended", truth::isDone)
                    .until(() -> lines.stream().anyMatch(line -> line.startsWith("day " + days + "/")));
        }

        GroundTruth finish() {
            try {
                return truth.get(10, TimeUnit.MINUTES);
            } catch (Exception e) {
                throw new AssertionError("The simulation failed; its progress:\n" + String.join("\n", lines), e);
            }
        }
    }

    /** Collects what is printed, line by line, and echoes it to the test's output. */
    private static final class LineWatcher extends OutputStream {
        private final List<String> lines;
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();

        LineWatcher(List<String> lines) {
            this.lines = lines;
        }

        @Override
        public synchronized void write(int b) {
            if (b == '\n') {
                String text = line.toString(StandardCharsets.UTF_8);
                lines.add(text);
                System.out.println("simulate: " + text);
                line.reset();
            } else {
                line.write(b);
            }
        }
    }

    /** A fresh group whose members grab one POINTS red packet at the same moment, each through the next engagement replica. */
    private static final class RedPacketRush {

        static void through(List<PackagedService> engagements, List<PackagedService> analyticsReplicas, int grabbers, int shares)
                throws Exception {
            String groups = suite.service("group").baseUrl();
            UUID owner = register("Owner");
            UUID group = UUID.fromString(as(owner).body(Map.of("name", "Lucky replicas", "type", "INTEREST", "admission", Map.of("mode", "OPEN")))
                    .when().post(groups + "/api/v1/groups").then().statusCode(201).extract().path("id"));
            List<UUID> members = new ArrayList<>();
            for (int i = 0; i < grabbers; i++) {
                UUID member = register("Grabber " + i);
                as(member).body(Map.of()).when().post(groups + "/api/v1/groups/" + group + "/members").then().statusCode(201);
                members.add(member);
            }
            for (UUID member : members) {
                for (PackagedService engagement : engagements) {
                    await().atMost(Duration.ofMinutes(2)).untilAsserted(() -> as(member)
                            .when().get(engagement.baseUrl() + "/api/v1/groups/" + group + "/red-packets").then().statusCode(200));
                }
            }
            String first = engagements.get(0).baseUrl();
            await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> asOperator().body(Map.of("delta", 100 * shares, "reason", "red packet budget"))
                    .when().post(first + "/api/v1/members/" + owner + "/points/adjustments").then().statusCode(201));
            JsonPath sent = as(owner).body(Map.of("totalAmount", 100 * shares, "count", shares, "currency", "POINTS"))
                    .when().post(first + "/api/v1/groups/" + group + "/red-packets").then().statusCode(201).extract().jsonPath();
            String packet = sent.getString("id");

            CountDownLatch go = new CountDownLatch(1);
            ExecutorService threads = Executors.newFixedThreadPool(grabbers);
            List<Integer> statuses = new ArrayList<>();
            try {
                List<Future<Integer>> answers = new ArrayList<>();
                for (int i = 0; i < grabbers; i++) {
                    String url = engagements.get(i % engagements.size()).baseUrl() + "/api/v1/groups/" + group + "/red-packets/" + packet + "/grabs";
                    UUID grabber = members.get(i);
                    answers.add(threads.submit(() -> {
                        go.await();
                        return as(grabber).when().post(url).statusCode();
                    }));
                }
                go.countDown();
                for (Future<Integer> answer : answers) {
                    statuses.add(answer.get());
                }
            } finally {
                threads.shutdownNow();
            }
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(shares);
            assertThat(statuses).filteredOn(s -> s != 201).hasSize(grabbers - shares).containsOnly(409);
            for (PackagedService engagement : engagements) {
                JsonPath finished = new JsonPath(asOperator().when().get(engagement.baseUrl() + "/api/v1/groups/" + group + "/red-packets/" + packet)
                        .then().statusCode(200).extract().asString());
                assertThat(finished.getString("status")).isEqualTo("GRABBED_OUT");
                assertThat(finished.getInt("grabbedCount")).isEqualTo(shares);
                assertThat(finished.getLong("grabbedAmount")).isEqualTo(100L * shares);
                assertThat(finished.getList("grabs.memberId")).doesNotHaveDuplicates().hasSize(shares);
            }
            // The services' clocks were moved by the simulator: the window is around the packet's own day.
            LocalDate day = LocalDate.ofInstant(Instant.parse(sent.getString("sentAt")), ZoneId.of("Asia/Shanghai"));
            String window = "&from=" + day.minusDays(1) + "&to=" + day.plusDays(1);
            for (PackagedService analytics : analyticsReplicas) {
                String base = analytics.baseUrl() + "/api/v1/analytics/groups/" + group + "/timeseries?metric=";
                await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> {
                    assertThat(sum(base + "RED_PACKETS" + window)).as("grabs counted by " + analytics.baseUrl()).isEqualTo(shares);
                    assertThat(sum(base + "JOINS" + window)).isEqualTo(grabbers + 1);
                });
            }
        }

        private static UUID register(String name) {
            UUID id = UUID.randomUUID();
            as(id).body(Map.of("displayName", name)).when().put(suite.service("member").baseUrl() + "/api/v1/members/me").then().statusCode(201);
            return id;
        }

        private static long sum(String url) {
            return asOperator().when().get(url).then().statusCode(200).extract().jsonPath().getList("value", Long.class)
                    .stream().mapToLong(Long::longValue).sum();
        }
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
