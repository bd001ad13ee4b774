package io.shequn.engagement.messages;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shequn.contracts.Events;
import io.shequn.contracts.events.GroupRole;
import io.shequn.contracts.events.MemberErased;
import io.shequn.contracts.events.MessageKind;
import io.shequn.contracts.events.MessagePosted;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.shequn.engagement.GroupEvents.FRESH;
import static io.shequn.engagement.messages.MessageResourceTest.addGroupWords;
import static io.shequn.engagement.GroupEvents.join;
import static io.shequn.engagement.GroupEvents.memberToken;
import static io.shequn.engagement.GroupEvents.publish;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** member-erased takes the words out of the member's messages and leaves everyone else's, and the counts, alone. */
@QuarkusTest
class MemberErasedListenerTest {

    private static final String BRIDGE = "/bridges/wechat";

    @Test
    void anErasedMembersMessagesLoseTheirTextOthersKeepTheirs() {
        UUID group = UUID.randomUUID();
        UUID owner = UUID.randomUUID();
        UUID leaving = UUID.randomUUID();
        join(group, owner, GroupRole.OWNER);
        join(group, leaving);
        addGroupWords(owner, group, "加微信", "FLAG");
        publish(Events.MESSAGE_POSTED, new MessagePosted(UUID.randomUUID(), group, leaving, MessageKind.TEXT, "我在杭州，加微信聊", 9,
                null, null, Instant.now().minusSeconds(60)), BRIDGE);
        publish(Events.MESSAGE_POSTED, new MessagePosted(UUID.randomUUID(), group, owner, MessageKind.TEXT, "欢迎", 2,
                null, null, Instant.now()), BRIDGE);
        await().atMost(FRESH).until(() -> messages(group, owner).getInt("totalItems") == 2);
        assertThat(messages(group, owner).getString("items[1].text")).isEqualTo("我在杭州，加微信聊");
        String leavingToken = memberToken(leaving);
        given().auth().oauth2(leavingToken).when().get("/api/v1/groups/" + group + "/messages").then().statusCode(200);

        publish(Events.MEMBER_ERASED, new MemberErased(leaving, Instant.now()), "/shequn/member-service");
        // The same token, verified and remembered before, is refused as soon as the erasure is applied.
        await().atMost(FRESH).untilAsserted(() -> given().auth().oauth2(leavingToken).when().get("/api/v1/groups/" + group + "/messages")
                .then().statusCode(401).body("type", org.hamcrest.Matchers.equalTo("https://shequn.io/problems/member-erased")));

        await().atMost(FRESH).untilAsserted(() -> {
            JsonPath list = messages(group, owner);
            assertThat(list.getString("items[1].memberId")).isEqualTo(leaving.toString());
            assertThat(list.getString("items[1].text")).isNull();
            assertThat(list.getList("items[1].matchedWords")).isEmpty();
            assertThat(list.getString("items[1].status")).isEqualTo("FLAGGED");
            assertThat(list.getInt("items[1].length")).isEqualTo(9);
            assertThat(list.getString("items[0].text")).isEqualTo("欢迎");
        });
    }

    @Test
    void aBridgeMessageFromAnErasedMemberIsKeptWithoutItsText() {
        UUID group = UUID.randomUUID();
        UUID owner = UUID.randomUUID();
        UUID erased = UUID.randomUUID();
        join(group, owner, GroupRole.OWNER);
        join(group, erased);
        publish(Events.MEMBER_ERASED, new MemberErased(erased, Instant.now()), "/shequn/member-service");
        await().atMost(FRESH).untilAsserted(() -> given().auth().oauth2(memberToken(erased)).when().get("/api/v1/groups/" + group + "/messages")
                .then().statusCode(401).body("type", org.hamcrest.Matchers.equalTo("https://shequn.io/problems/member-erased")));

        UUID late = UUID.randomUUID();
        publish(Events.MESSAGE_POSTED, new MessagePosted(late, group, erased, MessageKind.TEXT, "我的电话 13900001111", 16,
                null, null, Instant.now()), BRIDGE);
        await().atMost(FRESH).until(() -> messages(group, owner).getInt("totalItems") == 1);
        JsonPath list = messages(group, owner);
        assertThat(list.getString("items[0].id")).isEqualTo(late.toString());
        assertThat(list.getString("items[0].text")).isNull();
        assertThat(list.getInt("items[0].length")).isEqualTo(16);
        assertThat(list.getString("items[0].status")).isEqualTo("VISIBLE");
    }

    private static JsonPath messages(UUID group, UUID reader) {
        return given().auth().oauth2(memberToken(reader)).when().get("/api/v1/groups/" + group + "/messages")
                .then().statusCode(200).extract().jsonPath();
    }
}
