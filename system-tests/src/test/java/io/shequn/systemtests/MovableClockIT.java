package io.shequn.systemtests;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * {@code ./shequn up} runs the services on a movable clock (shequn.clock.movable=true, which
 * deploy/ never sets): an operator moves each service's time forward with {@code PUT /ops/clock},
 * and the next check-in, message and analytics day follow it. Time never runs backwards, and no
 * one else may move it. After the journeys that read the real day ({@link #MOVES_THE_CLOCK}).
 */
@Order(SystemTest.MOVES_THE_CLOCK)
class MovableClockIT extends SystemTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Test
    void anOperatorMovesTheSuiteForwardAndTheNextCheckInAndMessageLandOnTheMovedDay() {
        UUID owner = id(register("Shen Yue", null));
        UUID member = id(register("Lu Wen", null));
        UUID group = createGroup(owner, "Clockwatchers", Map.of("mode", "OPEN"));
        assertThat(join(group, member, null)).isEqualTo("ACTIVE");

        Instant target = clockOf("ENGAGEMENT").plus(Duration.ofDays(3));
        for (String service : List.of("MEMBER", "GROUP", "ENGAGEMENT", "ANALYTICS")) {
            JsonPath moved = asOperator().body(Map.of("now", target.toString())).when().put(url(service, "/ops/clock"))
                    .then().statusCode(200).extract().jsonPath();
            assertThat(Instant.parse(moved.getString("now"))).isBetween(target, target.plusSeconds(60));
            assertThat(moved.getLong("offsetSeconds")).isGreaterThanOrEqualTo(Duration.ofDays(3).toSeconds() - 60);
        }
        String movedDay = LocalDate.ofInstant(target, SHANGHAI).toString();

        as(member).when().post(url("ENGAGEMENT", "/api/v1/groups/" + group + "/check-ins")).then().statusCode(201)
                .body("day", equalTo(movedDay));
        Instant postedAt = Instant.parse(as(member).body(Map.of("kind", "TEXT", "text", "三天后见"))
                .when().post(url("ENGAGEMENT", "/api/v1/groups/" + group + "/messages"))
                .then().statusCode(201).extract().path("postedAt"));
        assertThat(postedAt).isBetween(target, target.plusSeconds(120));
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath summary = analytics("/api/v1/analytics/groups/" + group + "/summary?day=" + movedDay);
            assertThat(summary.getLong("dau")).isEqualTo(1);
        });
    }

    @Test
    void timeNeverRunsBackwardsAndOnlyOperatorsMoveIt() {
        Instant now = clockOf("GROUP");
        asOperator().body(Map.of("now", now.minus(Duration.ofHours(1)).toString())).when().put(url("GROUP", "/ops/clock"))
                .then().statusCode(409).contentType("application/problem+json")
                .body("type", equalTo("https://shequn.io/problems/clock-cannot-go-back"));
        assertThat(clockOf("GROUP")).isAfterOrEqualTo(now);

        UUID member = UUID.randomUUID();
        as(member).body(Map.of("now", now.plus(Duration.ofDays(1)).toString())).when().put(url("GROUP", "/ops/clock"))
                .then().statusCode(403);
        given().contentType("application/json").body(Map.of("now", now.plus(Duration.ofDays(1)).toString()))
                .when().put(url("GROUP", "/ops/clock")).then().statusCode(401);
        assertThat(clockOf("GROUP")).isBefore(now.plus(Duration.ofHours(1)));

        asOperator().body(Map.of()).when().put(url("GROUP", "/ops/clock")).then().statusCode(400);
    }

    private static Instant clockOf(String service) {
        return Instant.parse(asOperator().when().get(url(service, "/ops/clock")).then().statusCode(200).extract().path("now"));
    }
}
