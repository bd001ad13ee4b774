package io.shequn.engagement.checkin;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.shequn.contracts.Events;
import io.shequn.engagement.PublishedEvents;
import io.shequn.engagement.TestClock;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static io.shequn.engagement.GroupEvents.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

@QuarkusTest
class CheckInResourceTest {

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aNonMemberGets403() {
        UUID group = UUID.randomUUID();
        join(group, UUID.randomUUID());
        given().auth().oauth2(memberToken(UUID.randomUUID())).when().post("/api/v1/groups/" + group + "/check-ins")
                .then().statusCode(403).contentType("application/problem+json");
    }

    @Test
    void aCheckInEarnsPointsOnceADayAndPublishesCheckedInAndPointsChanged() {
        UUID group = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        join(group, member);

        String id = checkIn(group, member, 201).path("id");
        ExtractableResponse<Response> again = checkIn(group, member, 200);
        assertThat(again.<String>path("id")).isEqualTo(id);
        assertThat(again.<Integer>path("pointsAwarded")).isEqualTo(10);

        JsonNode checkedIn = PublishedEvents.await(Events.CHECKED_IN, group, e -> e.get("memberId").asText().equals(member.toString()));
        assertThat(checkedIn.get("streak").asInt()).isEqualTo(1);
        assertThat(checkedIn.get("pointsAwarded").asLong()).isEqualTo(10);
        JsonNode points = PublishedEvents.await(Events.POINTS_CHANGED, member, e -> true);
        assertThat(points.get("reason").asText()).isEqualTo("CHECK_IN");
        assertThat(points.get("referenceId").asText()).isEqualTo(id);
        assertThat(points.get("delta").asLong()).isEqualTo(10);
        assertThat(points.get("balance").asLong()).isEqualTo(10);
        assertThat(points.get("groupId").asText()).isEqualTo(group.toString());
        assertThat(balance(member)).isEqualTo(10);
    }

    @Test
    void streaksCountConsecutiveDaysWithExactPointsAndAGapStartsAgain() {
        UUID group = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        join(group, member);
        // 08:00 in Shanghai on each day.
        Instant first = Instant.parse("2026-03-01T00:00:00Z");
        long[] expected = {10, 12, 14, 16, 18, 20, 72, 24};
        long total = 0;
        for (int day = 0; day < expected.length; day++) {
            clock.moveTo(first.plus(Duration.ofDays(day)));
            ExtractableResponse<Response> checkIn = checkIn(group, member, 201);
            assertThat(checkIn.<Integer>path("streak")).isEqualTo(day + 1);
            assertThat(checkIn.<Integer>path("pointsAwarded")).isEqualTo((int) expected[day]);
            total += expected[day];
        }
        assertThat(balance(member)).isEqualTo(total);

        clock.moveTo(first.plus(Duration.ofDays(10)));
        ExtractableResponse<Response> afterGap = checkIn(group, member, 201);
        assertThat(afterGap.<Integer>path("streak")).isEqualTo(1);
        assertThat(afterGap.<Integer>path("pointsAwarded")).isEqualTo(10);
        assertThat(afterGap.<String>path("day")).isEqualTo("2026-03-11");

        given().auth().oauth2(memberToken(member)).queryParam("month", "2026-03")
                .when().get("/api/v1/groups/" + group + "/check-ins/me")
                .then().statusCode(200)
                .body("days.size()", equalTo(9))
                .body("days[7].day", equalTo("2026-03-08"))
                .body("days[7].streak", equalTo(8))
                .body("currentStreak", equalTo(1))
                .body("longestStreak", equalTo(8))
                .body("checkedInToday", equalTo(true));
        clock.moveTo(first.plus(Duration.ofDays(13)));
        given().auth().oauth2(memberToken(member)).when().get("/api/v1/groups/" + group + "/check-ins/me")
                .then().statusCode(200).body("month", equalTo("2026-03")).body("currentStreak", equalTo(0))
                .body("checkedInToday", equalTo(false));
    }

    @Test
    void daysFollowTheGroupsTimeZoneNotUtc() {
        UUID group = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        join(group, member);

        // 23:30 and then 00:30 in Shanghai: the same UTC day, two days of the group.
        clock.moveTo(Instant.parse("2026-03-10T15:30:00Z"));
        assertThat(checkIn(group, member, 201).<String>path("day")).isEqualTo("2026-03-10");
        clock.moveTo(Instant.parse("2026-03-10T16:30:00Z"));
        ExtractableResponse<Response> nextDay = checkIn(group, member, 201);
        assertThat(nextDay.<String>path("day")).isEqualTo("2026-03-11");
        assertThat(nextDay.<Integer>path("streak")).isEqualTo(2);
        assertThat(nextDay.<Integer>path("pointsAwarded")).isEqualTo(12);

        // A group in Los Angeles (UTC-7 in March): 06:30 UTC on the 11th is still the 10th there.
        UUID laGroup = UUID.randomUUID();
        groupCreated(laGroup, ZoneId.of("America/Los_Angeles"));
        join(laGroup, member);
        clock.moveTo(Instant.parse("2026-03-11T06:30:00Z"));
        assertThat(checkIn(laGroup, member, 201).<String>path("day")).isEqualTo("2026-03-10");
        clock.moveTo(Instant.parse("2026-03-11T07:30:00Z"));
        assertThat(checkIn(laGroup, member, 201).<Integer>path("streak")).isEqualTo(2);
    }

    @Test
    void twentyConcurrentCheckInsMakeOneCheckInAndOneAward() throws Exception {
        UUID group = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        join(group, member);
        String token = memberToken(member);

        ExecutorService pool = Executors.newFixedThreadPool(20);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<ExtractableResponse<Response>>> results = new ArrayList<>();
        try {
            for (int i = 0; i < 20; i++) {
                Callable<ExtractableResponse<Response>> tap = () -> {
                    start.await();
                    return given().auth().oauth2(token).when().post("/api/v1/groups/" + group + "/check-ins").then().extract();
                };
                results.add(pool.submit(tap));
            }
            start.countDown();
            List<Integer> statuses = new ArrayList<>();
            List<String> ids = new ArrayList<>();
            for (Future<ExtractableResponse<Response>> result : results) {
                statuses.add(result.get().statusCode());
                ids.add(result.get().path("id"));
            }
            assertThat(statuses).containsOnly(200, 201);
            assertThat(statuses).filteredOn(s -> s == 201).hasSize(1);
            assertThat(ids).containsOnly(ids.get(0));
        } finally {
            pool.shutdownNow();
        }
        assertThat(balance(member)).isEqualTo(10);
        given().auth().oauth2(token).when().get("/api/v1/members/me/points")
                .then().statusCode(200).body("history.totalItems", equalTo(1));
        assertThat(PublishedEvents.all(Events.CHECKED_IN, group, e -> true, Duration.ofSeconds(3))).hasSize(1);
    }

    private static ExtractableResponse<Response> checkIn(UUID group, UUID member, int status) {
        return given().auth().oauth2(memberToken(member)).when().post("/api/v1/groups/" + group + "/check-ins")
                .then().statusCode(status).extract();
    }

    static long balance(UUID member) {
        return given().auth().oauth2(memberToken(member)).when().get("/api/v1/members/me/points")
                .then().statusCode(200).extract().jsonPath().getLong("balance");
    }
}
