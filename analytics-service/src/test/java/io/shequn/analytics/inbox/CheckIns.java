package io.shequn.analytics.inbox;

import io.shequn.analytics.Scenario;
import io.restassured.RestAssured;
import io.restassured.response.Response;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.utils.Utils;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static io.restassured.RestAssured.given;
import static io.shequn.localstack.CloudEventRecords.binary;

/**
 * checked-in events for the inbox tests: each one adds exactly one to its group's check-in count
 * of the day (analytics deduplicates them by event id only), so a count above the number sent
 * means an event was applied twice, and one below means it was lost.
 */
final class CheckIns {

    static final LocalDate DAY = LocalDate.of(2026, 3, 1);
    private static final Pattern COUNTER = Pattern.compile("^shequn_events_(dead_lettered|duplicates)_total\\{([^}]*)} ([0-9.E+-]+)$", Pattern.MULTILINE);

    private CheckIns() {
    }

    static ProducerRecord<String, byte[]> checkIn(UUID group, String eventId) {
        return binary("checked-in", group.toString(), eventId, "/shequn/engagement-service", "shequn.checked-in.v1",
                Instant.now(), """
                        {"groupId":"%s","memberId":"%s","day":"%s","streak":1,"pointsAwarded":10,"checkedInAt":"%s"}"""
                        .formatted(group, UUID.randomUUID(), DAY, DAY.atTime(2, 0).toInstant(java.time.ZoneOffset.UTC)));
    }

    static ProducerRecord<String, byte[]> checkIn(UUID group) {
        return checkIn(group, UUID.randomUUID().toString());
    }

    /** The group's check-ins on {@link #DAY}, as the API reports them; 0 while analytics has not seen the group (404). */
    static int count(UUID group) {
        Response response = given().auth().oauth2(Scenario.operator())
                .queryParams(Map.of("metric", "CHECK_INS", "from", DAY.toString(), "to", DAY.toString()))
                .when().get("/api/v1/analytics/groups/" + group + "/timeseries");
        if (response.statusCode() == 404) {
            return 0;
        }
        return response.then().statusCode(200).extract().jsonPath().getList("value", Integer.class).get(0);
    }

    static int count(List<UUID> groups) {
        return groups.stream().mapToInt(CheckIns::count).sum();
    }

    /** A group id whose events land on {@code partition} of a 3-partition topic (Kafka's default partitioner). */
    static UUID groupOnPartition(int partition) {
        while (true) {
            UUID group = UUID.randomUUID();
            if (Utils.toPositive(Utils.murmur2(group.toString().getBytes(StandardCharsets.UTF_8))) % 3 == partition) {
                return group;
            }
        }
    }

    /** Sum of {@code shequn_events_dead_lettered_total} (every reason) for the topic, from /q/metrics. */
    static double deadLettered(String topic) {
        return counter("dead_lettered", topic);
    }

    /** {@code shequn_events_duplicates_total} for the topic, from /q/metrics. */
    static double duplicates(String topic) {
        return counter("duplicates", topic);
    }

    private static double counter(String name, String topic) {
        String metrics = RestAssured.get("/q/metrics").then().statusCode(200).extract().asString();
        double sum = 0;
        Matcher matcher = COUNTER.matcher(metrics);
        while (matcher.find()) {
            if (matcher.group(1).equals(name) && matcher.group(2).contains("topic=\"" + topic + "\"")) {
                sum += Double.parseDouble(matcher.group(3));
            }
        }
        return sum;
    }
}
