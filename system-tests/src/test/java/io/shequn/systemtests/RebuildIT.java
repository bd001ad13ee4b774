package io.shequn.systemtests;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * After the journeys (issue 16): {@code POST /api/v1/analytics/rebuild} recomputes every read model
 * from offset 0 and every analytics answer the journeys checked, and the suite-wide ones, comes
 * back byte for byte.
 */
@Order(SystemTest.REBUILD)
class RebuildIT extends SystemTest {

    @Test
    void aRebuildFromOffsetZeroReproducesEveryAnalyticsAnswer() {
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        String weekAgo = LocalDate.parse(today).minusDays(6).toString();
        for (String sort : List.of("HEALTH", "GMV", "ACTIVITY")) {
            suite().rememberAnalytics("/api/v1/analytics/groups?sort=" + sort + "&day=" + today + "&size=100");
        }
        suite().rememberAnalytics("/api/v1/analytics/overview");
        suite().rememberAnalytics("/api/v1/analytics/overview/trend?from=" + weekAgo + "&to=" + today);
        suite().rememberAnalytics("/api/v1/analytics/stage-changes?from=" + weekAgo + "&to=" + today + "&size=100");
        List<String> queries = suite().analyticsQueries();
        assertThat(queries).as("the journeys' analytics answers: run this with the journeys").hasSizeGreaterThan(6);
        Map<String, String> before = answers(queries);

        Instant requested = Instant.now().minusSeconds(1);
        asOperator().when().post(url("ANALYTICS", "/api/v1/analytics/rebuild")).then().statusCode(202);
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            var status = asOperator().when().get(url("ANALYTICS", "/api/v1/analytics/rebuild")).then().statusCode(200).extract().jsonPath();
            assertThat(Instant.parse(status.getString("startedAt"))).isAfter(requested);
            assertThat(status.getString("state")).isEqualTo("DONE");
        });

        assertThat(answers(queries)).containsExactlyEntriesOf(before);
    }

    private static Map<String, String> answers(List<String> queries) {
        Map<String, String> answers = new LinkedHashMap<>();
        queries.forEach(query -> answers.put(query, asOperator().when().get(url("ANALYTICS", query))
                .then().statusCode(200).extract().asString()));
        return answers;
    }
}
