package io.shequn.systemtests;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Issue 13, journey (3): an advertiser's three messages match the group's FLAG words (two through
 * the API, one relayed by a chat bridge); each is one strike in group-service, which removes the
 * advertiser at the group's strike limit (3, the default); engagement-service then refuses their
 * messages, and analytics counts the three flagged messages and one leaver.
 */
@Order(70)
class ModerationJourneyIT extends SystemTest {

    @Test
    void threeFlaggedMessagesRemoveTheAuthorEverywhere() {
        UUID owner = id(register("Tang Wei", null));
        UUID advertiser = id(register("Cheap Deals", null));
        UUID group = createGroup(owner, "Bargain hunters", Map.of("mode", "OPEN"));
        assertThat(join(group, advertiser, null)).isEqualTo("ACTIVE");
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();

        // The owner's list, once engagement-service knows them as the group's owner.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(owner)
                .body(Map.of("words", List.of(Map.of("word", "代购", "action", "FLAG"), Map.of("word", "加微信", "action", "FLAG"))))
                .when().post(url("ENGAGEMENT", "/api/v1/groups/" + group + "/sensitive-words")).then().statusCode(200));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(advertiser).body(Map.of("kind", "TEXT", "text", "正品代购，便宜"))
                .when().post(url("ENGAGEMENT", "/api/v1/groups/" + group + "/messages")).then().statusCode(201)
                .body("status", equalTo("FLAGGED")));
        as(advertiser).body(Map.of("kind", "TEXT", "text", "想要的加 微 信"))
                .when().post(url("ENGAGEMENT", "/api/v1/groups/" + group + "/messages")).then().statusCode(201)
                .body("status", equalTo("FLAGGED"));
        bridgeMessage(group, advertiser, UUID.randomUUID(), "代 . 购 golf clubs", Instant.now());

        // group-service: three strikes, then removed automatically.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(owner)
                .when().get(url("GROUP", "/api/v1/groups/" + group + "/members/" + advertiser))
                .then().statusCode(200).body("status", equalTo("REMOVED")).body("endReason", equalTo("REMOVED")));
        assertThat(as(owner).when().get(url("GROUP", "/api/v1/groups/" + group + "/members/" + advertiser))
                .then().extract().<String>path("endDetail")).startsWith("Removed automatically after 3 moderation strikes");
        JsonPath strikes = new JsonPath(as(owner).when().get(url("GROUP", "/api/v1/groups/" + group + "/strikes?memberId=" + advertiser))
                .then().statusCode(200).extract().asString());
        assertThat(strikes.getList("items")).hasSize(3);
        assertThat(as(owner).when().get(url("GROUP", "/api/v1/groups/" + group)).then().statusCode(200)
                .extract().<Integer>path("memberCount")).isEqualTo(1);

        // engagement-service learns of the removal and refuses the advertiser's next message.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Response refused = as(advertiser).body(Map.of("kind", "TEXT", "text", "hello again"))
                    .when().post(url("ENGAGEMENT", "/api/v1/groups/" + group + "/messages"));
            assertThat(refused.statusCode()).isEqualTo(403);
            assertThat(refused.jsonPath().getString("type")).isEqualTo("https://shequn.io/problems/not-a-member");
        });

        // analytics: three flagged messages and one leaver; the owner is the one member left.
        String window = "&from=" + today + "&to=" + today;
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(analytics("/api/v1/analytics/groups/" + group + "/timeseries?metric=FLAGGED" + window).getLong("[0].value"))
                    .isEqualTo(3);
            assertThat(analytics("/api/v1/analytics/groups/" + group + "/timeseries?metric=LEAVES" + window).getLong("[0].value"))
                    .isEqualTo(1);
            assertThat(analytics("/api/v1/analytics/groups/" + group + "/summary?day=" + today).getLong("members")).isEqualTo(1);
        });
        JsonPath page = analytics("/api/v1/analytics/members/" + advertiser);
        assertThat(page.getBoolean("groups.find { it.groupId == '" + group + "' }.current")).isFalse();
        assertThat(page.getString("groups.find { it.groupId == '" + group + "' }.leftAt")).isNotNull();
    }
}
