package io.shequn.analytics.health;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
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
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** A group that simply stops talking is found DORMANT by the sweep, without any further event. */
@QuarkusTest
class HealthSweepTest {

    @Inject
    HealthSweep sweep;

    @Test
    void aGroupThatFallsSilentBecomesDormantWithoutAnotherEvent() {
        try (Scenario s = new Scenario(LocalDate.now(ZoneOffset.UTC).minusDays(60))) {
            UUID group = UUID.randomUUID();
            List<UUID> members = List.of(UUID.randomUUID(), UUID.randomUUID(), UUID.randomUUID());
            s.groupCreated(group, members.get(0));
            members.forEach(member -> s.joined(group, member, 0, "MEMBER", null));
            for (int day = 20; day <= 30; day++) {
                for (UUID member : members) {
                    s.message(group, member, day, UUID.randomUUID(), null);
                }
            }
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(Scenario.get("/api/v1/analytics/groups/" + group + "/summary",
                    Map.of("day", s.day(29).toString())).getString("health.assessedDay")).isEqualTo(s.day(29).toString()));
            assertThat(Scenario.get("/api/v1/analytics/groups/" + group + "/summary", Map.of("day", s.day(29).toString()))
                    .getString("health.stage")).isNotEqualTo("DORMANT");

            Instant swept = Instant.now();
            assertThat(sweep.sweep()).isPositive();

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                List<JsonNode> changes = s.kafka().readAll("group-health-changed", r -> group.toString().equals(r.key()), Duration.ofSeconds(1))
                        .stream().map(r -> json(r.value())).toList();
                JsonNode last = changes.get(changes.size() - 1);
                assertThat(last.get("stage").asText()).isEqualTo("DORMANT");
                assertThat(Instant.parse(last.get("changedAt").asText())).isAfterOrEqualTo(swept.minusSeconds(1));
            });
            String yesterday = LocalDate.now(java.time.ZoneId.of("Asia/Shanghai")).minusDays(1).toString();
            assertThat(Scenario.get("/api/v1/analytics/groups/" + group + "/summary", Map.of()).getString("health.assessedDay"))
                    .isEqualTo(yesterday);
        }
    }

    private static JsonNode json(byte[] value) {
        try {
            return EventJson.mapper().readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
