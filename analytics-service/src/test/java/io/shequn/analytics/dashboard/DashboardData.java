package io.shequn.analytics.dashboard;

import io.restassured.path.json.JsonPath;
import io.shequn.analytics.Scenario;
import io.shequn.analytics.health.HealthSweep;
import io.shequn.localstack.KafkaTestClient;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The data set the browser tests share: six groups of one owner over the 60 days up to yesterday
 * (see {@link CommunityHistory}), published to the real Kafka once per test JVM, ingested, and
 * assessed by the health sweep.
 */
final class DashboardData {

    static final int DAYS = 60;
    private static DashboardData shared;

    final CommunityHistory.History history;

    private DashboardData(CommunityHistory.History history) {
        this.history = history;
    }

    static synchronized DashboardData get(HealthSweep sweep) {
        if (shared == null) {
            LocalDate start = LocalDate.now(ZoneOffset.UTC).minusDays(DAYS);
            List<CommunityHistory.Group> groups = List.of(
                    group("徒步爱好者 Hiking", CommunityHistory.Shape.GROWING, 0, 24),
                    group("读书会 Book Circle", CommunityHistory.Shape.STEADY, 0, 18),
                    group("跑步打卡 Running", CommunityHistory.Shape.CHECK_IN_CLUB, 0, 16),
                    group("摄影 Photography", CommunityHistory.Shape.DECLINING, 0, 20),
                    group("咖啡 Coffee Lovers", CommunityHistory.Shape.FALLING_SILENT, 0, 12),
                    group("二手交易 Flea Market", CommunityHistory.Shape.NEW, DAYS - 8, 10));
            shared = new DashboardData(publish(CommunityHistory.generate(12, start, DAYS, groups), sweep));
        }
        return shared;
    }

    private static CommunityHistory.Group group(String name, CommunityHistory.Shape shape, int createdDay, int size) {
        return new CommunityHistory.Group(UUID.randomUUID(), name, shape, createdDay, size);
    }

    /** Publishes the history, waits until the API shows all of it, then assesses every group as of yesterday. */
    static CommunityHistory.History publish(CommunityHistory.History history, HealthSweep sweep) {
        long ordersBefore = orders();
        try (KafkaTestClient kafka = new KafkaTestClient(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class))) {
            kafka.sendAll(history.records());
        }
        String owner = Scenario.member(history.owner());
        Map<String, String> window = Map.of("from", history.start().toString(), "to", history.start().plusDays(history.days() - 1).toString());
        await().atMost(Duration.ofMinutes(5)).pollInterval(Duration.ofMillis(500)).untilAsserted(() -> {
            JsonPath trend = given().auth().oauth2(owner).queryParams(window).when().get("/api/v1/analytics/overview/trend")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(trend.getLong("days.messages.sum()")).isEqualTo(history.messages());
            assertThat(trend.getLong("days.checkIns.sum()")).isEqualTo(history.checkIns());
            assertThat(trend.getLong("days.joins.sum()")).isEqualTo(history.joins());
            assertThat(trend.getLong("days.leaves.sum()")).isEqualTo(history.leaves());
            assertThat(orders()).isEqualTo(ordersBefore + history.orders());
            history.redPackets().forEach((group, packets) -> assertThat(given().auth().oauth2(owner).queryParams(window)
                    .when().get("/api/v1/analytics/groups/{id}/campaigns", group).then().statusCode(200).extract().jsonPath()
                    .getInt("totalItems")).as("campaigns of %s", group).isEqualTo(packets));
        });
        sweep.sweep();
        return history;
    }

    private static long orders() {
        return Scenario.get("/api/v1/analytics/overview", Map.of()).getList("gmv.purchases", Long.class).stream().mapToLong(Long::longValue).sum();
    }

    String from() {
        return history.start().toString();
    }

    /** Yesterday, the history's last day: the ranking and the group summaries are read as of it. */
    String to() {
        return history.start().plusDays(DAYS - 1).toString();
    }

    UUID owner() {
        return history.owner();
    }

    /** {@code path} with the data set's 60 days as the range. */
    String route(String path) {
        return "#" + path + "?from=" + from() + "&to=" + to();
    }

    Map<String, String> window() {
        return Map.of("from", from(), "to", to());
    }
}
