package io.shequn.systemtests;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 16, item 1: a group created a minute ago is NEW, in its summary and its owner's ranking,
 * right after creation and after joins, messages and a check-in; it is never assessed for a day
 * before it existed, and no group-health-changed is published for it.
 */
@Order(10)
class GroupHealthJourneyIT extends SystemTest {

    @Test
    void aGroupIsNewFromItsCreationAndRaisesNoAlert() {
        UUID owner = id(register("Zhou Jie", null));
        UUID member = id(register("Qian Li", null));
        UUID group = createGroup(owner, "Morning runners", Map.of("mode", "OPEN"));
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        String summary = "/api/v1/analytics/groups/" + group + "/summary?day=" + today;

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath fresh = analytics(summary);
            assertThat(fresh.getString("health.stage")).isEqualTo("NEW");
            assertThat(fresh.getString("health.assessedDay")).isEqualTo(today);
            assertThat(fresh.getLong("members")).isEqualTo(1);
        });

        assertThat(join(group, member, null)).isEqualTo("ACTIVE");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(member).body(Map.of("kind", "TEXT", "text", "早上好"))
                .when().post(url("ENGAGEMENT", "/api/v1/groups/" + group + "/messages")).then().statusCode(201));
        as(owner).body(Map.of("kind", "TEXT", "text", "Welcome!"))
                .when().post(url("ENGAGEMENT", "/api/v1/groups/" + group + "/messages")).then().statusCode(201);
        as(member).when().post(url("ENGAGEMENT", "/api/v1/groups/" + group + "/check-ins")).then().statusCode(201);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath after = analytics(summary);
            assertThat(after.getLong("members")).isEqualTo(2);
            assertThat(after.getLong("dau")).isEqualTo(2);
            assertThat(after.getLong("wau")).isEqualTo(2);
            assertThat(after.getString("health.stage")).isEqualTo("NEW");
            assertThat(after.getString("health.assessedDay")).isEqualTo(today);
            JsonPath ranking = new JsonPath(as(owner).when().get(url("ANALYTICS", "/api/v1/analytics/groups?day=" + today))
                    .then().statusCode(200).extract().asString());
            assertThat(ranking.getList("items.groupId", String.class)).containsExactly(group.toString());
            assertThat(ranking.getString("items[0].stage")).isEqualTo("NEW");
            assertThat(ranking.getString("items[0].assessedDay")).isEqualTo(today);
            assertThat(ranking.getLong("items[0].wau")).isEqualTo(2);
        });
        analytics("/api/v1/analytics/groups/" + group + "/timeseries?metric=DAU&from=" + today + "&to=" + today);
        analytics("/api/v1/analytics/stage-changes?from=" + LocalDate.parse(today).minusDays(1) + "&to=" + today);

        assertThat(suite().kafka().readAll("group-health-changed", r -> group.toString().equals(r.key()), Duration.ofSeconds(3)))
                .as("no group-health-changed for a group whose stage never changed").isEmpty();
    }
}
