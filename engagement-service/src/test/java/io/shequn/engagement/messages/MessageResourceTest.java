package io.shequn.engagement.messages;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.shequn.contracts.Events;
import io.shequn.contracts.events.GroupRole;
import io.shequn.engagement.PublishedEvents;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.shequn.engagement.GroupEvents.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

@QuarkusTest
class MessageResourceTest {

    @Test
    void aNonMemberGets403() {
        UUID group = UUID.randomUUID();
        join(group, UUID.randomUUID());
        post(group, UUID.randomUUID(), "hello").then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aCleanMessageIsStoredListedPublishedAndEarnsAPoint() {
        UUID group = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        join(group, member);

        String id = post(group, member, "大家早上好").then().statusCode(201)
                .body("status", equalTo("VISIBLE")).body("length", equalTo(5)).extract().path("id");

        given().auth().oauth2(memberToken(member)).when().get("/api/v1/groups/" + group + "/messages")
                .then().statusCode(200).body("totalItems", equalTo(1)).body("items[0].id", equalTo(id))
                .body("items[0].text", equalTo("大家早上好"));
        JsonNode posted = PublishedEvents.await(Events.MESSAGE_POSTED, group, e -> e.get("messageId").asText().equals(id));
        assertThat(posted.get("length").asInt()).isEqualTo(5);
        assertThat(posted.get("kind").asText()).isEqualTo("TEXT");
        assertThat(balance(member)).isEqualTo(1);
    }

    @Test
    void aGroupFlagWordKeepsTheMessageAndPublishesMessageFlaggedEvenWhenSpacedOut() {
        UUID group = UUID.randomUUID();
        UUID owner = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        join(group, owner, GroupRole.OWNER);
        join(group, member);
        addGroupWords(owner, group, "代购", "FLAG");

        String id = post(group, member, "有人要代 . 购吗").then().statusCode(201)
                .body("status", equalTo("FLAGGED")).body("matchedWords", equalTo(List.of("代购"))).extract().path("id");

        JsonNode flagged = PublishedEvents.await(Events.MESSAGE_FLAGGED, group, e -> e.get("messageId").asText().equals(id));
        assertThat(flagged.get("matchedWords").get(0).asText()).isEqualTo("代购");
        assertThat(flagged.get("memberId").asText()).isEqualTo(member.toString());
        PublishedEvents.await(Events.MESSAGE_POSTED, group, e -> e.get("messageId").asText().equals(id));
    }

    @Test
    void aGlobalBlockWordRejectsAFullWidthEvasionWith422NamingTheRule() {
        UUID group = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        join(group, member);
        String word = "blk" + UUID.randomUUID().toString().substring(0, 8);
        String wordId = addGlobalWord(word, "BLOCK");
        try {
            post(group, member, "看这里 " + fullWidth(word.toUpperCase()) + " 便宜").then().statusCode(422)
                    .contentType("application/problem+json")
                    .body("type", equalTo("https://shequn.io/problems/message-blocked"))
                    .body("detail", containsString("\"" + word + "\" of the global list"));

            JsonNode flagged = PublishedEvents.await(Events.MESSAGE_FLAGGED, group, e -> e.get("memberId").asText().equals(member.toString()));
            assertThat(flagged.get("matchedWords").get(0).asText()).isEqualTo(word);
            given().auth().oauth2(memberToken(member)).when().get("/api/v1/groups/" + group + "/messages")
                    .then().statusCode(200).body("totalItems", equalTo(0));
            assertThat(balance(member)).isZero();
        } finally {
            given().auth().oauth2(operatorToken()).when().delete("/api/v1/sensitive-words/" + wordId).then().statusCode(204);
        }
        post(group, member, "看这里 " + word).then().statusCode(201);
    }

    @Test
    void messagePointsFollowTheGroupRuleUpToTheDailyCap() {
        UUID group = UUID.randomUUID();
        UUID owner = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        join(group, owner, GroupRole.OWNER);
        join(group, member);
        given().auth().oauth2(memberToken(owner)).contentType("application/json")
                .body(Map.of("checkInBasePoints", 10, "checkInStreakStep", 2, "checkInStreakCap", 20, "checkInWeeklyBonus", 50,
                        "messagePoints", 2, "messageDailyCap", 3))
                .when().put("/api/v1/groups/" + group + "/engagement-rules").then().statusCode(200);

        for (int i = 0; i < 3; i++) {
            post(group, member, "message " + i).then().statusCode(201);
        }
        assertThat(balance(member)).isEqualTo(3);
    }

    @Test
    void aReplyToAnotherGroupsMessageOrAMentionOfANonMemberIsA400NamingTheFieldAndStoresNothing() {
        UUID group = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        UUID friend = UUID.randomUUID();
        UUID outsider = UUID.randomUUID();
        join(group, member);
        join(group, friend);
        join(other, outsider);
        String elsewhere = post(other, outsider, "in another group").then().statusCode(201).extract().path("id");
        String here = post(group, friend, "here").then().statusCode(201).extract().path("id");

        post(group, member, Map.of("kind", "TEXT", "text", "re", "replyTo", elsewhere,
                "mentions", List.of(friend.toString(), outsider.toString())))
                .then().statusCode(400).contentType("application/problem+json")
                .body("violations.field", containsInAnyOrder("replyTo", "mentions[1]"));
        post(group, member, Map.of("kind", "TEXT", "text", "re", "replyTo", UUID.randomUUID().toString()))
                .then().statusCode(400).body("violations.field", equalTo(List.of("replyTo")));
        given().auth().oauth2(memberToken(member)).when().get("/api/v1/groups/" + group + "/messages")
                .then().statusCode(200).body("totalItems", equalTo(1));

        post(group, member, Map.of("kind", "TEXT", "text", "re", "replyTo", here, "mentions", List.of(friend.toString())))
                .then().statusCode(201).body("replyTo", equalTo(here)).body("mentions", equalTo(List.of(friend.toString())));
    }

    @Test
    void onlyManagersEditAGroupListAndOnlyOperatorsTheGlobalOne() {
        UUID group = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        join(group, member);
        Map<String, Object> body = Map.of("words", List.of(Map.of("word", "x1", "action", "FLAG")));
        given().auth().oauth2(memberToken(member)).contentType("application/json").body(body)
                .when().post("/api/v1/groups/" + group + "/sensitive-words").then().statusCode(403);
        given().auth().oauth2(memberToken(member)).contentType("application/json").body(body)
                .when().post("/api/v1/sensitive-words").then().statusCode(403);
        given().auth().oauth2(operatorToken()).contentType("application/json")
                .body(Map.of("words", List.of(Map.of("word", " .,", "action", "FLAG"))))
                .when().post("/api/v1/groups/" + group + "/sensitive-words").then().statusCode(400);
        given().auth().oauth2(operatorToken()).contentType("application/json").body(body)
                .when().post("/api/v1/groups/" + group + "/sensitive-words").then().statusCode(200).body("listSize", equalTo(1));
        given().auth().oauth2(operatorToken()).when().get("/api/v1/groups/" + group + "/sensitive-words")
                .then().statusCode(200).body("items.word", hasItem("x1")).body("items.word", not(hasItem("x2")));
    }

    static io.restassured.response.Response post(UUID group, UUID member, String text) {
        return post(group, member, Map.of("kind", "TEXT", "text", text));
    }

    static io.restassured.response.Response post(UUID group, UUID member, Map<String, Object> message) {
        return given().auth().oauth2(memberToken(member)).contentType("application/json").body(message)
                .when().post("/api/v1/groups/" + group + "/messages");
    }

    static void addGroupWords(UUID manager, UUID group, String word, String action) {
        given().auth().oauth2(memberToken(manager)).contentType("application/json")
                .body(Map.of("words", List.of(Map.of("word", word, "action", action))))
                .when().post("/api/v1/groups/" + group + "/sensitive-words").then().statusCode(200);
    }

    static String addGlobalWord(String word, String action) {
        given().auth().oauth2(operatorToken()).contentType("application/json")
                .body(Map.of("words", List.of(Map.of("word", word, "action", action))))
                .when().post("/api/v1/sensitive-words").then().statusCode(200);
        return given().auth().oauth2(operatorToken()).queryParam("size", 100).when().get("/api/v1/sensitive-words")
                .then().statusCode(200).extract().jsonPath().getList("items.findAll { it.word == '" + word + "' }.id", String.class).get(0);
    }

    static String fullWidth(String ascii) {
        StringBuilder out = new StringBuilder();
        ascii.chars().forEach(c -> out.append(c > 0x20 && c < 0x7f ? (char) (c + 0xFEE0) : (char) c));
        return out.toString();
    }

    static long balance(UUID member) {
        return given().auth().oauth2(memberToken(member)).when().get("/api/v1/members/me/points")
                .then().statusCode(200).extract().jsonPath().getLong("balance");
    }
}
