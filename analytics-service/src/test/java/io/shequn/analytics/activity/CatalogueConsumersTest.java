package io.shequn.analytics.activity;

import io.quarkus.test.junit.QuarkusTest;
import io.shequn.analytics.Scenario;
import org.apache.kafka.common.header.Header;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The topics analytics reads besides activity and purchases: flags and points become daily
 * counters, verification reaches the overview; an event with fields this version does not know
 * is applied; an invalid one goes to its topic's dead-letter topic and the next one still counts.
 */
@QuarkusTest
class CatalogueConsumersTest {

    @Test
    void flagsPointsAndVerificationsAreCountedAndBadEventsDeadLettered() {
        try (Scenario s = new Scenario(LocalDate.of(2026, 8, 3))) {
            UUID group = UUID.randomUUID();
            UUID member = UUID.randomUUID();
            long verifiedBefore = Scenario.get("/api/v1/analytics/overview", Map.of()).getLong("verifiedMembers");

            s.send("message-flagged", group, s.at(0), """
                    {"messageId":"%s","groupId":"%s","memberId":"%s","matchedWords":["spam"],"flaggedAt":"%s","futureField":{"x":1}}"""
                    .formatted(UUID.randomUUID(), group, member, s.at(0)));
            String badPoints = UUID.randomUUID().toString();
            s.sendWithId(badPoints, "points-changed", member, s.at(0), """
                    {"groupId":"%s","delta":10,"balance":10,"reason":"CHECK_IN","referenceId":"%s","changedAt":"%s"}"""
                    .formatted(group, UUID.randomUUID(), s.at(0)));
            for (long delta : new long[] {10, 5, -8}) {
                s.send("points-changed", member, s.at(0), """
                        {"memberId":"%s","groupId":"%s","delta":%d,"balance":10,"reason":"CHECK_IN","referenceId":"%s","changedAt":"%s"}"""
                        .formatted(member, group, delta, UUID.randomUUID(), s.at(0)));
            }
            s.send("member-verified", member, s.at(0), """
                    {"memberId":"%s","verifiedAt":"%s"}""".formatted(member, s.at(0)));
            s.send("member-verified", member, s.at(1), """
                    {"memberId":"%s","verifiedAt":"%s"}""".formatted(member, s.at(1)));   // verified once is verified

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(series(s, group, "FLAGGED")).containsExactly(1);
                assertThat(series(s, group, "POINTS_AWARDED")).containsExactly(15);   // spending is not awarding
                assertThat(Scenario.get("/api/v1/analytics/overview", Map.of()).getLong("verifiedMembers")).isEqualTo(verifiedBefore + 1);
            });
            var dead = s.kafka().await("points-changed.dlq", r -> badPoints.equals(header(r.headers().lastHeader("ce_id"))), Duration.ofSeconds(20));
            assertThat(header(dead.headers().lastHeader("dlq-reason"))).isEqualTo("schema-invalid");
            assertThat(header(dead.headers().lastHeader("dlq-detail"))).contains("memberId");
            assertThat(Scenario.get("/api/v1/analytics/members/" + member, Map.of()).getString("verifiedAt")).isEqualTo(s.at(0).toString());
        }
    }

    private static List<Integer> series(Scenario s, UUID group, String metric) {
        return Scenario.get("/api/v1/analytics/groups/" + group + "/timeseries",
                Map.of("metric", metric, "from", s.day(0).toString(), "to", s.day(0).toString())).getList("value", Integer.class);
    }

    private static String header(Header header) {
        return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }
}
