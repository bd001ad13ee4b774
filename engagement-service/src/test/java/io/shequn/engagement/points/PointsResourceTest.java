package io.shequn.engagement.points;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.shequn.contracts.Events;
import io.shequn.engagement.PublishedEvents;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static io.shequn.engagement.GroupEvents.join;
import static io.shequn.engagement.GroupEvents.memberToken;
import static io.shequn.engagement.GroupEvents.operatorToken;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class PointsResourceTest {

    @Test
    void operatorsGrantAndDeductWithAReasonAndTheHistoryShowsWhoDidIt() {
        UUID member = UUID.randomUUID();
        join(UUID.randomUUID(), member);
        UUID operator = UUID.randomUUID();
        String operatorToken = io.shequn.localstack.LocalStack.shared().tokens().operator(operator);

        given().auth().oauth2(operatorToken).contentType("application/json")
                .body(Map.of("delta", 100, "reason", "photo contest winner"))
                .when().post("/api/v1/members/" + member + "/points/adjustments")
                .then().statusCode(201).body("reason", equalTo("OPERATOR_GRANT")).body("balanceAfter", equalTo(100))
                .body("actorId", equalTo(operator.toString()));
        given().auth().oauth2(operatorToken).contentType("application/json")
                .body(Map.of("delta", -30, "reason", "spam"))
                .when().post("/api/v1/members/" + member + "/points/adjustments")
                .then().statusCode(201).body("reason", equalTo("OPERATOR_DEDUCT")).body("balanceAfter", equalTo(70));
        given().auth().oauth2(operatorToken).contentType("application/json")
                .body(Map.of("delta", -71, "reason", "too much"))
                .when().post("/api/v1/members/" + member + "/points/adjustments")
                .then().statusCode(409).body("type", equalTo("https://shequn.io/problems/insufficient-points"));

        given().auth().oauth2(memberToken(member)).queryParam("size", 1).when().get("/api/v1/members/me/points")
                .then().statusCode(200)
                .body("balance", equalTo(70))
                .body("history.totalItems", equalTo(2))
                .body("history.totalPages", equalTo(2))
                .body("history.items[0].delta", equalTo(-30))
                .body("history.items[0].note", equalTo("spam"))
                .body("history.items[0].actorId", equalTo(operator.toString()));

        JsonNode deducted = PublishedEvents.await(Events.POINTS_CHANGED, member, e -> e.get("delta").asLong() == -30);
        assertThat(deducted.get("balance").asLong()).isEqualTo(70);
        assertThat(deducted.get("reason").asText()).isEqualTo("OPERATOR_DEDUCT");
    }

    @Test
    void theSameReferenceAppliesOnceAndOnlyOperatorsAdjust() {
        UUID member = UUID.randomUUID();
        join(UUID.randomUUID(), member);
        Map<String, Object> grant = Map.of("delta", 5, "reason", "welcome", "referenceId", UUID.randomUUID().toString());
        given().auth().oauth2(operatorToken()).contentType("application/json").body(grant)
                .when().post("/api/v1/members/" + member + "/points/adjustments").then().statusCode(201);
        given().auth().oauth2(operatorToken()).contentType("application/json").body(grant)
                .when().post("/api/v1/members/" + member + "/points/adjustments").then().statusCode(200);
        given().auth().oauth2(memberToken(member)).contentType("application/json").body(grant)
                .when().post("/api/v1/members/" + member + "/points/adjustments").then().statusCode(403);
        given().auth().oauth2(operatorToken()).contentType("application/json").body(Map.of("delta", 0, "reason", "x"))
                .when().post("/api/v1/members/" + member + "/points/adjustments").then().statusCode(400);
        given().auth().oauth2(operatorToken()).when().get("/api/v1/members/" + member + "/points")
                .then().statusCode(200).body("balance", equalTo(5)).body("history.totalItems", equalTo(1));
    }

    @Test
    void fiftyConcurrentSpendsExceedingTheBalanceNeverDriveItNegative() throws Exception {
        UUID member = UUID.randomUUID();
        join(UUID.randomUUID(), member);
        given().auth().oauth2(operatorToken()).contentType("application/json").body(Map.of("delta", 100, "reason", "seed"))
                .when().post("/api/v1/members/" + member + "/points/adjustments").then().statusCode(201);
        String token = operatorToken();

        ExecutorService pool = Executors.newFixedThreadPool(50);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 50; i++) {
                results.add(pool.submit(() -> {
                    start.await();
                    return given().auth().oauth2(token).contentType("application/json")
                            .body(Map.of("delta", -7, "reason", "spend"))
                            .when().post("/api/v1/members/" + member + "/points/adjustments").then().extract().statusCode();
                }));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            for (Future<Integer> result : results) {
                statuses.add(result.get());
            }
            assertThat(statuses).containsOnly(201, 409);
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(14);
        } finally {
            pool.shutdownNow();
        }
        given().auth().oauth2(operatorToken()).queryParam("size", 100).when().get("/api/v1/members/" + member + "/points")
                .then().statusCode(200).body("balance", equalTo(2)).body("history.totalItems", equalTo(15));
    }

    @Test
    void operatorsGrantOnlyToMembersSeenHereAndInAGroupTheyHaveBeenIn() {
        UUID stranger = UUID.randomUUID();
        given().auth().oauth2(operatorToken()).contentType("application/json").body(Map.of("delta", 5, "reason", "typo"))
                .when().post("/api/v1/members/" + stranger + "/points/adjustments")
                .then().statusCode(404).contentType("application/problem+json").body("detail", containsString(stranger.toString()));

        UUID member = UUID.randomUUID();
        UUID group = UUID.randomUUID();
        join(group, member);
        given().auth().oauth2(operatorToken()).contentType("application/json")
                .body(Map.of("delta", 5, "reason", "wrong group", "groupId", UUID.randomUUID().toString()))
                .when().post("/api/v1/members/" + member + "/points/adjustments")
                .then().statusCode(400).body("violations.field", equalTo(List.of("groupId")));
        given().auth().oauth2(operatorToken()).contentType("application/json")
                .body(Map.of("delta", 5, "reason", "helped a newcomer", "groupId", group.toString()))
                .when().post("/api/v1/members/" + member + "/points/adjustments").then().statusCode(201);
        given().auth().oauth2(operatorToken()).when().get("/api/v1/members/" + stranger + "/points")
                .then().statusCode(200).body("balance", equalTo(0));
        given().auth().oauth2(operatorToken()).when().get("/api/v1/members/" + member + "/points")
                .then().statusCode(200).body("balance", equalTo(5)).body("history.totalItems", equalTo(1));
    }
}
