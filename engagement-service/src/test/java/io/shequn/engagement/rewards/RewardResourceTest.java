package io.shequn.engagement.rewards;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.shequn.contracts.Events;
import io.shequn.contracts.events.GroupRole;
import io.shequn.engagement.PublishedEvents;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import static io.restassured.RestAssured.given;
import static io.shequn.engagement.GroupEvents.*;
import static io.shequn.engagement.Race.race;
import static io.shequn.engagement.TestPoints.grant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class RewardResourceTest {

    @Inject
    DataSource dataSource;

    @Test
    void aHundredConcurrentRedemptionsOfTenInStockRedeemExactlyTen() throws Exception {
        String rewardId = createGlobalReward(Map.of("name", "Mug", "cost", 30, "stock", 10));
        List<UUID> members = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            members.add(UUID.randomUUID());
        }
        race(members.stream().<Callable<Boolean>>map(member -> () -> {
            grant(member, 100);
            return true;
        }).toList());

        List<ExtractableResponse<Response>> responses = race(members.stream().<Callable<ExtractableResponse<Response>>>map(member -> () ->
                given().auth().oauth2(memberToken(member)).when().post("/api/v1/rewards/" + rewardId + "/redemptions")
                        .then().extract()).toList());

        assertThat(responses).extracting(ExtractableResponse::statusCode).containsOnly(201, 409);
        assertThat(responses).filteredOn(r -> r.statusCode() == 201).hasSize(10);
        assertThat(responses).filteredOn(r -> r.statusCode() == 409)
                .allSatisfy(r -> assertThat(r.<String>path("type")).isEqualTo("https://shequn.io/problems/out-of-stock"));
        given().auth().oauth2(operatorToken()).when().get("/api/v1/rewards/" + rewardId)
                .then().statusCode(200).body("stock", equalTo(0));
        List<Long> balances = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("select balance from points_account where member_id = any (?)")) {
            query.setArray(1, connection.createArrayOf("uuid", members.toArray()));
            try (ResultSet rows = query.executeQuery()) {
                while (rows.next()) {
                    balances.add(rows.getLong(1));
                }
            }
        }
        assertThat(balances).hasSize(100).containsOnly(100L, 70L);
        assertThat(balances).filteredOn(b -> b == 70L).hasSize(10);
    }

    @Test
    void aGroupRewardIsForMembersWithEnoughPointsWithinItsLimit() {
        UUID group = UUID.randomUUID();
        UUID owner = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        join(group, owner, GroupRole.OWNER);
        join(group, member);
        given().auth().oauth2(memberToken(member)).contentType("application/json")
                .body(Map.of("name", "Book", "cost", 50, "stock", 5))
                .when().post("/api/v1/groups/" + group + "/rewards").then().statusCode(403);
        String rewardId = given().auth().oauth2(memberToken(owner)).contentType("application/json")
                .body(Map.of("name", "Book", "cost", 50, "stock", 5, "perMemberLimit", 1))
                .when().post("/api/v1/groups/" + group + "/rewards").then().statusCode(201)
                .body("groupId", equalTo(group.toString())).extract().path("id");
        given().auth().oauth2(memberToken(member)).when().get("/api/v1/groups/" + group + "/rewards")
                .then().statusCode(200).body("totalItems", equalTo(1)).body("items[0].id", equalTo(rewardId));

        redeem(UUID.randomUUID(), rewardId).then().statusCode(403);
        redeem(member, rewardId).then().statusCode(409).body("type", equalTo("https://shequn.io/problems/insufficient-points"));
        given().auth().oauth2(operatorToken()).when().get("/api/v1/rewards/" + rewardId).then().body("stock", equalTo(5));

        grant(member, 120);
        String redemption = redeem(member, rewardId).then().statusCode(201).extract().path("id");
        redeem(member, rewardId).then().statusCode(409).body("type", equalTo("https://shequn.io/problems/redemption-limit-reached"));
        given().auth().oauth2(operatorToken()).when().get("/api/v1/rewards/" + rewardId).then().body("stock", equalTo(4));
        given().auth().oauth2(memberToken(member)).when().get("/api/v1/members/me/points").then().body("balance", equalTo(70));
        given().auth().oauth2(memberToken(member)).when().get("/api/v1/members/me/redemptions")
                .then().statusCode(200).body("totalItems", equalTo(1)).body("items[0].id", equalTo(redemption));

        given().auth().oauth2(memberToken(member)).contentType("application/json").body(Map.of("stock", 0))
                .when().patch("/api/v1/rewards/" + rewardId).then().statusCode(403);
        given().auth().oauth2(memberToken(owner)).contentType("application/json").body(Map.of("stock", 0, "cost", 40))
                .when().patch("/api/v1/rewards/" + rewardId).then().statusCode(200)
                .body("stock", equalTo(0)).body("cost", equalTo(40)).body("name", equalTo("Book"));

        JsonNode spent = PublishedEvents.await(Events.POINTS_CHANGED, member, e -> e.get("reason").asText().equals("REWARD_REDEMPTION"));
        assertThat(spent.get("delta").asLong()).isEqualTo(-50);
        assertThat(spent.get("balance").asLong()).isEqualTo(70);
        assertThat(spent.get("referenceId").asText()).isEqualTo(redemption);
    }

    @Test
    void concurrentRetriesWithOneRequestIdRedeemAndSpendOnce() throws Exception {
        String rewardId = createGlobalReward(Map.of("name", "Sticker", "cost", 10, "stock", 100));
        UUID member = UUID.randomUUID();
        grant(member, 100);
        String requestId = UUID.randomUUID().toString();

        List<Callable<ExtractableResponse<Response>>> taps = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            taps.add(() -> given().auth().oauth2(memberToken(member)).header("Idempotency-Key", requestId)
                    .when().post("/api/v1/rewards/" + rewardId + "/redemptions").then().extract());
        }
        List<ExtractableResponse<Response>> responses = race(taps);

        assertThat(responses).extracting(ExtractableResponse::statusCode).containsOnly(200, 201);
        assertThat(responses).filteredOn(r -> r.statusCode() == 201).hasSize(1);
        assertThat(responses).extracting(r -> r.<String>path("id")).containsOnly(responses.get(0).<String>path("id"));
        given().auth().oauth2(memberToken(member)).when().get("/api/v1/members/me/points").then().body("balance", equalTo(90));
        given().auth().oauth2(operatorToken()).when().get("/api/v1/rewards/" + rewardId).then().body("stock", equalTo(99));
    }

    @Test
    void aRewardOutsideItsActiveWindowCannotBeRedeemed() {
        Map<String, Object> reward = new HashMap<>(Map.of("name", "Later", "cost", 1, "stock", 1));
        reward.put("activeFrom", Instant.now().plus(1, ChronoUnit.DAYS).toString());
        String rewardId = createGlobalReward(reward);
        UUID member = UUID.randomUUID();
        grant(member, 10);
        redeem(member, rewardId).then().statusCode(409).body("type", equalTo("https://shequn.io/problems/reward-not-active"));
        given().auth().oauth2(memberToken(member)).contentType("application/json")
                .body(Map.of("name", "Mine", "cost", 1, "stock", 1))
                .when().post("/api/v1/rewards").then().statusCode(403);
    }

    private static io.restassured.response.Response redeem(UUID member, String rewardId) {
        return given().auth().oauth2(memberToken(member)).when().post("/api/v1/rewards/" + rewardId + "/redemptions");
    }

    private static String createGlobalReward(Map<String, Object> body) {
        return given().auth().oauth2(operatorToken()).contentType("application/json").body(body)
                .when().post("/api/v1/rewards").then().statusCode(201).extract().path("id");
    }
}
