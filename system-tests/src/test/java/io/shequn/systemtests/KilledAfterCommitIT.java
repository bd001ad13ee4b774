package io.shequn.systemtests;

import io.shequn.localstack.KafkaTestClient;
import io.shequn.localstack.LocalStack;
import io.shequn.localstack.PackagedService;
import io.shequn.localstack.Ports;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static io.shequn.localstack.CloudEventRecords.binary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The packaged analytics-service is killed with SIGKILL after its database has committed a batch
 * of events but before the batch's Kafka offsets are committed (a test-only setting stalls the
 * batch holding a chosen event right after its commit). Started again, it reads that batch again
 * and applies nothing twice: the inbox recognises every redelivered event.
 */
class KilledAfterCommitIT {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final int EVENTS = 1_000;
    private static final LocalDate DAY = LocalDate.of(2026, 3, 1);

    private static LocalStack stack;
    private static PackagedService analytics;

    @BeforeAll
    static void start() {
        stack = LocalStack.start(LocalStack.Settings.forTests());
        analytics = new PackagedService("analytics", ROOT, Ports.free(), stack.settings().dir().resolve("analytics-service.log"));
    }

    @AfterAll
    static void stop() {
        if (analytics != null) {
            analytics.kill();
        }
        if (stack != null) {
            stack.stop();
        }
    }

    @Test
    void aServiceKilledBetweenItsDatabaseCommitAndItsOffsetCommitAppliesNothingTwice() {
        UUID group = UUID.randomUUID();
        List<ProducerRecord<String, byte[]>> checkIns = new ArrayList<>();
        for (int i = 0; i < EVENTS; i++) {
            checkIns.add(binary("checked-in", group.toString(), UUID.randomUUID().toString(), "/shequn/engagement-service",
                    "shequn.checked-in.v1", Instant.now(), """
                            {"groupId":"%s","memberId":"%s","day":"%s","streak":1,"pointsAwarded":10,"checkedInAt":"%s"}"""
                            .formatted(group, UUID.randomUUID(), DAY, DAY.atTime(2, 0).toInstant(ZoneOffset.UTC))));
        }
        String marker = new String(checkIns.get(EVENTS / 2).headers().lastHeader("ce_id").value());

        Map<String, String> config = stack.serviceConfig("analytics");
        Map<String, String> stalling = new HashMap<>(config);
        stalling.put("shequn.inbox.test.stall-after-commit-of", marker);
        analytics.start(stalling);
        analytics.awaitReady(Duration.ofMinutes(3));
        try (KafkaTestClient kafka = new KafkaTestClient(stack.kafka().bootstrapServers())) {
            kafka.sendAll(checkIns);
        }
        // The marker's batch is in the database: the batch holding event 501 has committed.
        await().atMost(Duration.ofMinutes(2)).until(() -> checkIns(group) > EVENTS / 2);
        assertThat(checkIns(group)).as("the stalled service applies nothing after the marker's batch").isLessThan(EVENTS);
        analytics.kill();

        analytics.start(config);
        analytics.awaitReady(Duration.ofMinutes(3));
        await().atMost(Duration.ofMinutes(2)).until(() -> checkIns(group) >= EVENTS);
        assertThat(checkIns(group)).isEqualTo(EVENTS);
        assertThat(duplicates()).as("the committed batch was delivered again, and recognised").isPositive();
    }

    /** The group's check-ins on the day; 0 while analytics has applied none of them (it answers 404 for a group it has not seen). */
    private static int checkIns(UUID group) {
        var response = given().auth().oauth2(stack.tokens().operator(UUID.randomUUID()))
                .queryParams(Map.of("metric", "CHECK_INS", "from", DAY.toString(), "to", DAY.toString()))
                .when().get(analytics.baseUrl() + "/api/v1/analytics/groups/" + group + "/timeseries");
        if (response.statusCode() == 404) {
            return 0;
        }
        return response.then().statusCode(200).extract().jsonPath().getList("value", Integer.class).get(0);
    }

    private static double duplicates() {
        String metrics = given().when().get(analytics.baseUrl() + "/q/metrics").then().statusCode(200).extract().asString();
        Matcher matcher = Pattern.compile("^shequn_events_duplicates_total\\{topic=\"checked-in\"} ([0-9.E+-]+)$", Pattern.MULTILINE)
                .matcher(metrics);
        assertThat(matcher.find()).isTrue();
        return Double.parseDouble(matcher.group(1));
    }
}
