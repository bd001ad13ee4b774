package io.shequn.engagement.leaderboard;

import io.quarkus.test.junit.QuarkusTest;
import io.shequn.contracts.events.LeaveReason;
import io.shequn.engagement.TestClock;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.shequn.engagement.GroupEvents.*;
import static org.assertj.core.api.Assertions.assertThat;

@QuarkusTest
class LeaderboardResourceTest {

    @Inject
    TestClock clock;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void pointsEarnedThisWeekThisMonthAndAllTimeRankCurrentMembersWithTiesBrokenByWhoGotThereFirst() {
        UUID group = UUID.randomUUID();
        UUID a = UUID.randomUUID(), b = UUID.randomUUID(), c = UUID.randomUUID(), removed = UUID.randomUUID(), banned = UUID.randomUUID();
        for (UUID member : List.of(a, b, c, removed, banned)) {
            join(group, member);
        }
        clock.moveTo(Instant.parse("2026-04-01T04:00:00Z"));
        grant(b, group, 100);
        clock.moveTo(Instant.parse("2026-06-01T04:00:00Z"));
        grant(c, group, 10);
        clock.moveTo(Instant.parse("2026-06-17T04:00:00Z"));
        grant(a, group, 30);
        grant(b, group, 30);
        grant(c, group, 50);
        grant(removed, group, 100);
        grant(banned, group, 100);
        grant(a, null, 1000);
        leave(group, removed, LeaveReason.REMOVED);
        leave(group, banned, LeaveReason.BANNED);

        assertThat(ranking(group, "WEEK", a)).containsExactly(List.of(c, 50L), List.of(a, 30L), List.of(b, 30L));
        assertThat(ranking(group, "MONTH", a)).containsExactly(List.of(c, 60L), List.of(a, 30L), List.of(b, 30L));
        assertThat(ranking(group, "ALL_TIME", a)).containsExactly(List.of(b, 130L), List.of(c, 60L), List.of(a, 30L));
        given().auth().oauth2(memberToken(a)).queryParam("period", "ALL_TIME").queryParam("size", 1).queryParam("page", 1)
                .when().get("/api/v1/groups/" + group + "/leaderboards/points")
                .then().statusCode(200).body("ranking.items[0].rank", org.hamcrest.Matchers.equalTo(2))
                .body("ranking.totalItems", org.hamcrest.Matchers.equalTo(3));
        given().auth().oauth2(memberToken(removed)).when().get("/api/v1/groups/" + group + "/leaderboards/points")
                .then().statusCode(403);
    }

    @Test
    void currentStreaksRankLongestFirstAndDropBrokenStreaksAndRemovedMembers() {
        UUID group = UUID.randomUUID();
        UUID a = UUID.randomUUID(), b = UUID.randomUUID(), c = UUID.randomUUID(), removed = UUID.randomUUID();
        for (UUID member : List.of(a, b, c, removed)) {
            join(group, member);
        }
        clock.moveTo(Instant.parse("2026-06-10T02:00:00Z"));
        checkIn(group, a);
        checkIn(group, c);
        checkIn(group, removed);
        clock.moveTo(Instant.parse("2026-06-11T02:00:00Z"));
        checkIn(group, a);
        checkIn(group, removed);
        checkIn(group, b);
        leave(group, removed, LeaveReason.REMOVED);

        assertThat(streaks(group, a)).containsExactly(List.of(a, 2L), List.of(c, 1L), List.of(b, 1L));
        clock.moveTo(Instant.parse("2026-06-12T02:00:00Z"));
        assertThat(streaks(group, a)).containsExactly(List.of(a, 2L), List.of(b, 1L));
    }

    private static void grant(UUID member, UUID group, long points) {
        Map<String, Object> body = new java.util.HashMap<>(Map.of("delta", points, "reason", "contest"));
        if (group != null) {
            body.put("groupId", group.toString());
        }
        given().auth().oauth2(operatorToken()).contentType("application/json").body(body)
                .when().post("/api/v1/members/" + member + "/points/adjustments").then().statusCode(201);
    }

    private static void checkIn(UUID group, UUID member) {
        given().auth().oauth2(memberToken(member)).when().post("/api/v1/groups/" + group + "/check-ins").then().statusCode(201);
    }

    private static List<List<Object>> ranking(UUID group, String period, UUID viewer) {
        var json = given().auth().oauth2(memberToken(viewer)).queryParam("period", period)
                .when().get("/api/v1/groups/" + group + "/leaderboards/points").then().statusCode(200).extract().jsonPath();
        List<String> members = json.getList("ranking.items.memberId", String.class);
        List<Long> points = json.getList("ranking.items.points", Long.class);
        return java.util.stream.IntStream.range(0, members.size())
                .mapToObj(i -> List.<Object>of(UUID.fromString(members.get(i)), points.get(i))).toList();
    }

    private static List<List<Object>> streaks(UUID group, UUID viewer) {
        var json = given().auth().oauth2(memberToken(viewer))
                .when().get("/api/v1/groups/" + group + "/leaderboards/streaks").then().statusCode(200).extract().jsonPath();
        List<String> members = json.getList("ranking.items.memberId", String.class);
        List<Long> streaks = json.getList("ranking.items.currentStreak", Long.class);
        return java.util.stream.IntStream.range(0, members.size())
                .mapToObj(i -> List.<Object>of(UUID.fromString(members.get(i)), streaks.get(i))).toList();
    }
}
