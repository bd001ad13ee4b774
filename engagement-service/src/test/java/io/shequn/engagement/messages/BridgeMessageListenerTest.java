package io.shequn.engagement.messages;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.shequn.contracts.Events;
import io.shequn.contracts.events.GroupRole;
import io.shequn.contracts.events.MessageKind;
import io.shequn.contracts.events.MessagePosted;
import io.shequn.engagement.PublishedEvents;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.shequn.engagement.GroupEvents.*;
import static io.shequn.engagement.messages.MessageResourceTest.addGroupWords;
import static io.shequn.engagement.messages.MessageResourceTest.balance;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** message-posted from a chat bridge is moderated and rewarded like a message posted through the API. */
@QuarkusTest
class BridgeMessageListenerTest {

    private static final String BRIDGE = "/bridges/wechat";

    @Test
    void aBridgeMessageWithAFlagWordIsKeptFlaggedAndRewardedOnceEvenWhenRedelivered() {
        UUID group = UUID.randomUUID();
        UUID owner = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        join(group, owner, GroupRole.OWNER);
        join(group, member);
        addGroupWords(owner, group, "加微信", "FLAG");

        UUID messageId = UUID.randomUUID();
        MessagePosted message = new MessagePosted(messageId, group, member, MessageKind.TEXT, "想要资料的 加 微-信", 11, null, null, Instant.now());
        String eventId = publish(Events.MESSAGE_POSTED, message, BRIDGE);
        publish(Events.MESSAGE_POSTED, message, BRIDGE, eventId);
        publish(Events.MESSAGE_POSTED, message, BRIDGE);

        JsonNode flagged = PublishedEvents.await(Events.MESSAGE_FLAGGED, group, e -> e.get("messageId").asText().equals(messageId.toString()));
        assertThat(flagged.get("matchedWords").get(0).asText()).isEqualTo("加微信");
        await().atMost(FRESH).until(() -> listed(group, member) == 1);
        given().auth().oauth2(memberToken(member)).when().get("/api/v1/groups/" + group + "/messages")
                .then().statusCode(200).body("items[0].status", org.hamcrest.Matchers.equalTo("FLAGGED"));
        // A marker on the same partition: once it is in, every copy before it has been read.
        UUID marker = UUID.randomUUID();
        publish(Events.MESSAGE_POSTED, new MessagePosted(marker, group, member, MessageKind.IMAGE, null, 0, null, null, Instant.now()), BRIDGE);
        await().atMost(FRESH).until(() -> listed(group, member) == 2);
        assertThat(balance(member)).isEqualTo(2);
    }

    @Test
    void aBridgeMessageWithABlockWordIsRecordedAsBlockedWithoutPoints() {
        UUID group = UUID.randomUUID();
        UUID owner = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        join(group, owner, GroupRole.OWNER);
        join(group, member);
        addGroupWords(owner, group, "赌博", "BLOCK");

        UUID messageId = UUID.randomUUID();
        publish(Events.MESSAGE_POSTED, new MessagePosted(messageId, group, member, MessageKind.TEXT, "线上ＤＵ 赌 . 博 网站", 12, null, null,
                Instant.now()), BRIDGE);

        PublishedEvents.await(Events.MESSAGE_FLAGGED, group, e -> e.get("messageId").asText().equals(messageId.toString()));
        UUID marker = UUID.randomUUID();
        publish(Events.MESSAGE_POSTED, new MessagePosted(marker, group, owner, MessageKind.TEXT, "ok", 2, null, null, Instant.now()), BRIDGE);
        await().atMost(FRESH).until(() -> listed(group, owner) == 1);
        assertThat(balance(member)).isZero();
    }

    @Test
    void aBridgeMessageFromSomeoneWhoNeverJoinedIsListedNowhereAndEarnsNothingUntilTheyJoin() {
        UUID group = UUID.randomUUID();
        UUID owner = UUID.randomUUID();
        UUID stranger = UUID.randomUUID();
        join(group, owner, GroupRole.OWNER);
        UUID outside = UUID.randomUUID();
        publish(Events.MESSAGE_POSTED, new MessagePosted(outside, group, stranger, MessageKind.TEXT, "hello from outside", 18, null, null,
                Instant.now()), BRIDGE);
        // A marker on the same partition: once it is listed, the stranger's message has been read.
        UUID marker = UUID.randomUUID();
        publish(Events.MESSAGE_POSTED, new MessagePosted(marker, group, owner, MessageKind.TEXT, "ok", 2, null, null, Instant.now()), BRIDGE);
        await().atMost(FRESH).until(() -> listed(group, owner) >= 1);
        assertThat(listed(group, owner)).isEqualTo(1);
        assertThat(given().auth().oauth2(memberToken(owner)).when().get("/api/v1/groups/" + group + "/messages")
                .then().extract().jsonPath().getList("items.id", String.class)).containsExactly(marker.toString());
        assertThat(balance(stranger)).isZero();

        // Their join is read after their message (another topic): from then on it is the group's.
        join(group, stranger);
        await().atMost(FRESH).until(() -> listed(group, owner) == 2);
    }

    private static int listed(UUID group, UUID member) {
        return given().auth().oauth2(memberToken(member)).when().get("/api/v1/groups/" + group + "/messages")
                .then().statusCode(200).extract().path("totalItems");
    }
}
