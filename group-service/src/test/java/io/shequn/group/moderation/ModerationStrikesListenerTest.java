package io.shequn.group.moderation;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.shequn.contracts.Events;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.shequn.group.GroupApi.as;
import static io.shequn.group.GroupApi.asOperator;
import static io.shequn.group.GroupApi.awaitEvent;
import static io.shequn.group.GroupApi.events;
import static io.shequn.group.GroupApi.field;
import static io.shequn.group.GroupApi.join;
import static io.shequn.group.GroupApi.kafka;
import static io.shequn.group.GroupApi.openGroup;
import static io.shequn.localstack.CloudEventRecords.binary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** message-flagged events are strikes; at the limit (3) the member is removed with member-left. */
@QuarkusTest
class ModerationStrikesListenerTest {

    private static final Duration FRESH = Duration.ofSeconds(20);

    @Test
    void threeFlaggedMessagesRemoveTheMemberAndPublishMemberLeft() {
        UUID owner = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        UUID group = openGroup(owner);
        join(group, member);

        flag(group, member, UUID.randomUUID(), "加微信");
        flag(group, member, UUID.randomUUID(), "spam");
        flag(group, member, UUID.randomUUID(), "广告");

        JsonNode left = awaitEvent(Events.MEMBER_LEFT, group, field("memberId", member));
        assertThat(left.get("reason").asText()).isEqualTo("REMOVED");
        assertThat(left.get("detail").asText()).contains("3 moderation strikes").contains("spam");
        as(owner).when().get("/api/v1/groups/" + group + "/members/" + member).then()
                .body("status", equalTo("REMOVED"));
        as(owner).queryParam("memberId", member).when().get("/api/v1/groups/" + group + "/strikes").then().statusCode(200)
                .body("totalItems", equalTo(3));
    }

    @Test
    void aDuplicatedFlagCountsOnce() {
        UUID owner = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        UUID marker = UUID.randomUUID();
        UUID group = openGroup(owner);
        join(group, member);
        join(group, marker);

        UUID message = UUID.randomUUID();
        String eventId = UUID.randomUUID().toString();
        String data = flagged(group, member, message, "spam");
        kafka().send(binary("message-flagged", group.toString(), eventId, "/shequn/engagement-service",
                "shequn.message-flagged.v1", Instant.now(), data));
        kafka().send(binary("message-flagged", group.toString(), eventId, "/shequn/engagement-service",
                "shequn.message-flagged.v1", Instant.now(), data));
        kafka().send(binary("message-flagged", group.toString(), UUID.randomUUID().toString(), "/shequn/engagement-service",
                "shequn.message-flagged.v1", Instant.now(), data));
        flag(group, member, UUID.randomUUID(), "ads");
        // Keyed by group, so in order on one partition: the marker's strike comes after all of the above.
        flag(group, marker, UUID.randomUUID(), "ads");
        await().atMost(FRESH).untilAsserted(() -> as(owner).queryParam("memberId", marker)
                .when().get("/api/v1/groups/" + group + "/strikes").then().body("totalItems", equalTo(1)));

        as(owner).queryParam("memberId", member).when().get("/api/v1/groups/" + group + "/strikes").then()
                .body("totalItems", equalTo(2));
        as(owner).when().get("/api/v1/groups/" + group + "/members/" + member).then().body("status", equalTo("ACTIVE"));
        assertThat(events(Events.MEMBER_LEFT, group, field("memberId", member), Duration.ofSeconds(1))).isEmpty();
    }

    @Test
    void clearedStrikesStopCountingAndOnlyAdminsClearThem() {
        UUID owner = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        UUID group = openGroup(owner);
        join(group, member);
        flag(group, member, UUID.randomUUID(), "spam");
        flag(group, member, UUID.randomUUID(), "spam");
        await().atMost(FRESH).untilAsserted(() -> as(owner).queryParam("memberId", member)
                .when().get("/api/v1/groups/" + group + "/strikes").then().body("totalItems", equalTo(2)));

        as(member).when().delete("/api/v1/groups/" + group + "/members/" + member + "/strikes").then().statusCode(403);
        as(member).when().get("/api/v1/groups/" + group + "/strikes").then().statusCode(403);
        as(owner).when().delete("/api/v1/groups/" + group + "/members/" + member + "/strikes").then().statusCode(200)
                .body("cleared", equalTo(2));

        UUID third = UUID.randomUUID();
        flag(group, member, third, "spam");
        await().atMost(FRESH).untilAsserted(() -> as(owner).queryParam("memberId", member)
                .when().get("/api/v1/groups/" + group + "/strikes").then().body("totalItems", equalTo(1)));
        as(owner).when().get("/api/v1/groups/" + group + "/members/" + member).then().body("status", equalTo("ACTIVE"));
        asOperator().queryParam("memberId", member).queryParam("includeCleared", true)
                .when().get("/api/v1/groups/" + group + "/strikes").then().body("totalItems", equalTo(3));
    }

    @Test
    void aLowerStrikeLimitAppliesAndTheOwnerIsNeverRemovedAutomatically() {
        UUID owner = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        UUID group = io.shequn.group.GroupApi.createGroup(owner, Map.of("strikeLimit", 1));
        join(group, member);
        flag(group, owner, UUID.randomUUID(), "spam");
        flag(group, member, UUID.randomUUID(), "spam");
        awaitEvent(Events.MEMBER_LEFT, group, field("memberId", member));
        as(owner).when().get("/api/v1/groups/" + group + "/members/" + owner).then().body("status", equalTo("ACTIVE"));
    }

    private static void flag(UUID group, UUID member, UUID message, String word) {
        kafka().send(binary("message-flagged", group.toString(), UUID.randomUUID().toString(), "/shequn/engagement-service",
                "shequn.message-flagged.v1", Instant.now(), flagged(group, member, message, word)));
    }

    private static String flagged(UUID group, UUID member, UUID message, String word) {
        return "{\"messageId\":\"" + message + "\",\"groupId\":\"" + group + "\",\"memberId\":\"" + member
                + "\",\"matchedWords\":[\"" + word + "\"],\"flaggedAt\":\"" + Instant.now() + "\"}";
    }
}
