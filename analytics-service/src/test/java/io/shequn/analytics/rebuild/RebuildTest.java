package io.shequn.analytics.rebuild;

import io.quarkus.test.junit.QuarkusTest;
import io.shequn.analytics.FiveWeekGroup;
import io.shequn.analytics.RunningCountsCheck;
import io.shequn.analytics.Scenario;
import io.shequn.analytics.health.HealthSweep;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A rebuild replays the whole Kafka history (this test's group and every other test's events) into
 * fresh tables and swaps them in: every answer about the group must be exactly what incremental
 * processing gave, and events that arrive during and after the rebuild must still count.
 */
@QuarkusTest
class RebuildTest {

    @Inject
    HealthSweep sweep;

    @Inject
    EntityManager entityManager;

    @Test
    void rebuildingFromOffsetZeroGivesTheSameAnswers() {
        FiveWeekGroup history = new FiveWeekGroup();
        history.publish();
        history.awaitIngested();
        sweep.sweep();   // the rebuild re-assesses health as of yesterday; bring the live side to the same moment first
        Map<String, String> before = history.answers();

        given().auth().oauth2(Scenario.member(UUID.randomUUID())).when().post("/api/v1/analytics/rebuild").then().statusCode(403);
        given().auth().oauth2(Scenario.operator()).when().post("/api/v1/analytics/rebuild").then().statusCode(202);
        UUID other = UUID.randomUUID();
        UUID author = UUID.randomUUID();
        history.scenario().joined(other, author, 33, "MEMBER", null);
        history.scenario().message(other, author, 33, UUID.randomUUID(), null);   // arrives while rebuilding
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500)).until(() ->
                Scenario.get("/api/v1/analytics/rebuild", Map.of()).getString("state").equals("DONE"));
        assertThat(Scenario.get("/api/v1/analytics/rebuild", Map.of()).getLong("eventsReplayed")).isGreaterThanOrEqualTo(45);   // this history alone is 45 events

        assertThat(history.answers()).containsExactlyEntriesOf(before);
        RunningCountsCheck.assertAgreesWithRecount(entityManager, history.group);   // the replayed running counts too
        // The message consumed live during the rebuild is in the rebuilt tables too, and consumption goes on after the swap.
        await().atMost(Duration.ofSeconds(20)).until(() -> messagesOn(other, history.day(33)) == 1);
        history.scenario().message(other, author, 34, UUID.randomUUID(), null);
        await().atMost(Duration.ofSeconds(20)).until(() -> messagesOn(other, history.day(34)) == 1);
    }

    private static int messagesOn(UUID group, String day) {
        return Scenario.get("/api/v1/analytics/groups/" + group + "/timeseries", Map.of("metric", "MESSAGES", "from", day, "to", day))
                .getList("value", Integer.class).get(0);
    }
}
