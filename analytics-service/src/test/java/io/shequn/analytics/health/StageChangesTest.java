package io.shequn.analytics.health;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shequn.analytics.Scenario;
import io.shequn.contracts.EventJson;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

/** Every group-health-changed analytics publishes is in the stage history, newest first, for those who may read the group. */
@QuarkusTest
class StageChangesTest {

    @Inject
    HealthSweep sweep;

    @Test
    void theHistoryListsEveryPublishedChangeNewestFirst() {
        try (Scenario s = new Scenario(LocalDate.now(ZoneOffset.UTC).minusDays(60))) {
            UUID owner = UUID.randomUUID();
            UUID group = UUID.randomUUID();
            List<UUID> members = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
            s.groupCreated(group, owner, "Tea 茶友");
            s.joined(group, owner, 0, "OWNER", null);
            members.forEach(member -> s.joined(group, member, 0, "MEMBER", null));
            for (int day = 10; day <= 30; day++) {
                for (UUID member : members.subList(0, day < 20 ? 1 : 3)) {
                    s.message(group, member, day, UUID.randomUUID(), null);
                }
            }
            String token = Scenario.member(owner);
            await().atMost(Duration.ofSeconds(30)).until(() -> given().auth().oauth2(token).when()
                    .get("/api/v1/analytics/groups/" + group + "/summary?day=" + s.day(30)).then().extract().path("health.assessedDay"),
                    s.day(29).toString()::equals);
            Instant swept = Instant.now();
            sweep.sweep();   // silent since day 30: DORMANT

            String from = s.day(0).toString();
            String to = LocalDate.now(ZoneOffset.UTC).plusDays(1).toString();
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                List<JsonNode> published = s.kafka().readAll("group-health-changed", r -> group.toString().equals(r.key()), Duration.ofSeconds(1))
                        .stream().map(r -> json(r.value())).sorted(Comparator.comparing((JsonNode e) -> Instant.parse(e.get("changedAt").asText())).reversed())
                        .toList();
                assertThat(published).isNotEmpty();
                assertThat(published.get(0).get("stage").asText()).isEqualTo("DORMANT");
                JsonPath page = given().auth().oauth2(token).queryParam("from", from).queryParam("to", to).queryParam("size", 100)
                        .when().get("/api/v1/analytics/stage-changes").then().statusCode(200).extract().jsonPath();
                assertThat(page.getLong("totalItems")).isEqualTo(published.size());
                List<String> expected = new ArrayList<>();
                published.forEach(e -> expected.add(e.get("previousStage").asText() + ">" + e.get("stage").asText() + " " + e.get("score").asInt()
                        + " " + micros(Instant.parse(e.get("changedAt").asText()))));
                List<String> listed = new ArrayList<>();
                for (int i = 0; i < page.getList("items").size(); i++) {
                    listed.add(page.getString("items[" + i + "].previousStage") + ">" + page.getString("items[" + i + "].stage") + " "
                            + page.getInt("items[" + i + "].score") + " " + micros(Instant.parse(page.getString("items[" + i + "].changedAt"))));
                }
                assertThat(listed).containsExactlyElementsOf(expected);
                assertThat(page.getList("items.groupName", String.class)).containsOnly("Tea 茶友");
                assertThat(Instant.parse(page.getString("items[0].changedAt"))).isAfterOrEqualTo(swept.minusSeconds(1));
            });

            JsonPath first = given().auth().oauth2(token).queryParam("from", from).queryParam("to", to).queryParam("size", 1)
                    .when().get("/api/v1/analytics/stage-changes").then().statusCode(200).extract().jsonPath();
            assertThat(first.getList("items")).hasSize(1);
            assertThat(first.getString("items[0].stage")).isEqualTo("DORMANT");
            // The owner's window of the first ten days holds no change of this group's; other members see none of them.
            assertThat(given().auth().oauth2(token).queryParam("from", from).queryParam("to", s.day(9).toString())
                    .when().get("/api/v1/analytics/stage-changes").then().statusCode(200).extract().jsonPath().getLong("totalItems")).isZero();
            assertThat(given().auth().oauth2(Scenario.member(members.get(0))).queryParam("from", from).queryParam("to", to)
                    .when().get("/api/v1/analytics/stage-changes").then().statusCode(200).extract().jsonPath().getList("items")).isEmpty();
            assertThat(given().auth().oauth2(Scenario.operator()).queryParam("from", from).queryParam("to", to).queryParam("size", 100)
                    .when().get("/api/v1/analytics/stage-changes").then().statusCode(200).extract().jsonPath().getList("items.groupId"))
                    .contains(group.toString());
        }
    }

    @Test
    void badParametersAreA400NamingThem() {
        String token = Scenario.operator();
        given().auth().oauth2(token).queryParam("from", "2026-01-10").queryParam("to", "2026-01-01")
                .when().get("/api/v1/analytics/stage-changes").then().statusCode(400).body("detail", containsString("to:"));
        given().auth().oauth2(token).queryParam("from", "2026-01-01")
                .when().get("/api/v1/analytics/stage-changes").then().statusCode(400).body("detail", containsString("to"));
        given().auth().oauth2(token).queryParam("from", "2026-01-01").queryParam("to", "2026-01-02").queryParam("size", 0)
                .when().get("/api/v1/analytics/stage-changes").then().statusCode(400).body("detail", containsString("size"));
        given().auth().oauth2(token).queryParam("from", "2026-01-01").queryParam("to", "2026-01-02").queryParam("page", -1)
                .when().get("/api/v1/analytics/stage-changes").then().statusCode(400).body("detail", containsString("page"));
    }

    /** PostgreSQL keeps microseconds, rounding the clock's nanoseconds. */
    private static Instant micros(Instant instant) {
        return instant.plusNanos(500).truncatedTo(ChronoUnit.MICROS);
    }

    private static JsonNode json(byte[] value) {
        try {
            return EventJson.mapper().readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
