package io.shequn.analytics.health;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.shequn.analytics.Scenario;
import io.shequn.contracts.EventJson;
import io.shequn.contracts.EventSchemas;
import io.shequn.contracts.Events;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.shequn.localstack.CloudEventRecords.binary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A group that rises and falls publishes group-health-changed at every change of stage, in order. */
@QuarkusTest
class GroupHealthChangedTest {

    private static final Scenario events = new Scenario();

    @Test
    void aGroupFallingThroughTheStagesPublishesEachChange() throws Exception {
        UUID group = UUID.randomUUID();
        List<UUID> members = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
        send("group-created", group, "2026-05-01T00:00:00Z", """
                {"groupId":"%s","name":"Runners","type":"INTEREST","ownerId":"%s","timeZone":"Asia/Shanghai","createdAt":"2026-05-01T00:00:00Z"}"""
                .formatted(group, members.get(0)));
        for (UUID member : members) {
            joined(group, member, "2026-05-01T01:00:00Z");
        }
        // Topics are not ordered with each other: let the group and its members arrive before the messages.
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(Scenario.get("/api/v1/analytics/groups/" + group + "/summary",
                Map.of("day", "2026-05-02")).getInt("members")).isEqualTo(4));
        message(group, members.get(0), "2026-05-10T02:00:00Z");
        message(group, members.get(1), "2026-05-10T02:00:00Z");
        for (UUID member : members) {
            message(group, member, "2026-05-15T02:00:00Z");
        }
        message(group, members.get(0), "2026-05-16T02:00:00Z");   // 15 May complete: two weeks old, WAU 4 after 0 → GROWING
        for (UUID member : members) {
            message(group, member, "2026-05-22T02:00:00Z");        // 21 May: WAU 4 after 2 → still GROWING
        }
        message(group, members.get(0), "2026-05-29T02:00:00Z");   // 28 May: WAU 4 after 4 → ACTIVE
        message(group, members.get(0), "2026-06-05T02:00:00Z");   // 4 June: WAU 1 after 4 → DECLINING
        message(group, members.get(1), "2026-06-20T02:00:00Z");   // 19 June: last activity 5 June → DORMANT

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                assertThat(changes(group)).extracting(data -> data.get("previousStage").asText() + "→" + data.get("stage").asText())
                        .containsExactly("NEW→GROWING", "GROWING→ACTIVE", "ACTIVE→DECLINING", "DECLINING→DORMANT"));
        for (JsonNode change : changes(group)) {
            assertThat(EventSchemas.violations(Events.GROUP_HEALTH_CHANGED, change)).isEmpty();
            assertThat(change.get("score").asInt()).isBetween(0, 100);
        }
        assertThat(changes(group).get(3).get("changedAt").asText()).startsWith("2026-06-20");
    }

    private static List<JsonNode> changes(UUID group) {
        return events.kafka().readAll("group-health-changed", r -> group.toString().equals(r.key()), Duration.ofSeconds(2)).stream()
                .map(GroupHealthChangedTest::json).toList();
    }

    private static JsonNode json(ConsumerRecord<String, byte[]> record) {
        try {
            return EventJson.mapper().readTree(record.value());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static void joined(UUID group, UUID member, String at) {
        send("member-joined", group, at, """
                {"groupId":"%s","memberId":"%s","role":"MEMBER","via":"OPEN","joinedAt":"%s"}""".formatted(group, member, at));
    }

    private static void message(UUID group, UUID member, String at) {
        send("message-posted", group, at, """
                {"messageId":"%s","groupId":"%s","memberId":"%s","kind":"TEXT","length":3,"postedAt":"%s"}"""
                .formatted(UUID.randomUUID(), group, member, at));
    }

    private static void send(String topic, UUID group, String at, String data) {
        events.kafka().send(binary(topic, group.toString(), UUID.randomUUID().toString(), "/tests/health", "shequn." + topic + ".v1",
                Instant.parse(at), data));
    }
}
