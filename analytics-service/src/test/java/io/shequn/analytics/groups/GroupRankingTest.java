package io.shequn.analytics.groups;

import io.quarkus.test.junit.QuarkusTest;
import io.shequn.analytics.Scenario;
import io.shequn.analytics.health.HealthSweep;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** One owner's two groups, ranked three ways: the livelier one leads on activity and health, the one that sells on GMV. */
@QuarkusTest
class GroupRankingTest {

    @Inject
    HealthSweep sweep;

    @Test
    void groupsAreRankedByActivityGmvAndHealth() {
        try (Scenario s = new Scenario(LocalDate.now(ZoneOffset.UTC).minusDays(30))) {
            UUID owner = UUID.randomUUID();
            UUID lively = UUID.randomUUID();
            UUID selling = UUID.randomUUID();
            List<UUID> members = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
            for (UUID group : List.of(lively, selling)) {
                s.groupCreated(group, owner);
                s.joined(group, owner, 0, "OWNER", null);
                members.forEach(member -> s.joined(group, member, 0, "MEMBER", null));
            }
            for (int day = 20; day <= 29; day++) {
                for (UUID member : members) {
                    s.message(lively, member, day, UUID.randomUUID(), null);
                }
            }
            s.message(selling, members.get(0), 28, UUID.randomUUID(), null);
            s.purchase(UUID.randomUUID(), members.get(1), 28, 0, 99_000, selling);
            s.purchase(UUID.randomUUID(), members.get(2), 29, 0, 1_000, lively);

            String token = Scenario.member(owner);
            String day = s.day(29).toString();
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(rank(token, "GMV", day)).containsExactly(selling.toString(), lively.toString()));
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    assertThat(rank(token, "ACTIVITY", day)).containsExactly(lively.toString(), selling.toString()));
            sweep.sweep();
            assertThat(rank(token, "HEALTH", day)).containsExactly(lively.toString(), selling.toString());
            var page = given().auth().oauth2(token).queryParam("sort", "ACTIVITY").queryParam("day", day)
                    .queryParam("size", 1).queryParam("page", 1)
                    .when().get("/api/v1/analytics/groups").then().statusCode(200).extract().jsonPath();
            assertThat(page.getList("items.groupId", String.class)).containsExactly(selling.toString());
            assertThat(page.getLong("totalItems")).isEqualTo(2);
            assertThat(page.getLong("items[0].wau")).isEqualTo(1);
            assertThat(page.getLong("items[0].gmv30Days")).isEqualTo(99_000);
        }
    }

    private static List<String> rank(String token, String sort, String day) {
        return given().auth().oauth2(token).queryParam("sort", sort).queryParam("day", day)
                .when().get("/api/v1/analytics/groups").then().statusCode(200).extract().jsonPath().getList("items.groupId", String.class);
    }
}
