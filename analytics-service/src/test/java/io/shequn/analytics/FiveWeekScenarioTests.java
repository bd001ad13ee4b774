package io.shequn.analytics;

import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The five weeks of {@link FiveWeekGroup} published to the real Kafka, with every figure checked
 * against the numbers worked out by hand from docs/analytics.md. The history holds a late event, an
 * event delivered twice, a message resent by a bridge, an order sent twice and a reply consumed
 * before what it answers: none of them may change a figure. Run as it happened
 * ({@link FiveWeekScenarioTest}) and consumed one topic after another in a random order
 * ({@link FiveWeekShuffledScenarioTest}). Abstract: a Quarkus test class is a bean, and two of
 * the same type would be ambiguous.
 */
abstract class FiveWeekScenarioTests {

    FiveWeekGroup history;
    String groupPath;
    Map<String, String> weeks;

    @Inject
    EntityManager entityManager;

    /** The history the tests check, published once per class. */
    abstract FiveWeekGroup history();

    /** Once per history; not in @BeforeAll, which runs before the test's HTTP port is known. */
    @BeforeEach
    void publishOnce() {
        history = history();
        groupPath = "/api/v1/analytics/groups/" + history.group;
        weeks = Map.of("from", history.day(0), "to", history.day(34));
        history.publishOnce();
    }

    @Test
    void activityOnDay30() {
        JsonPath summary = Scenario.get(groupPath + "/summary", Map.of("day", history.day(30)));
        assertThat(summary.getLong("members")).isEqualTo(6);            // E left on day 20
        assertThat(summary.getLong("dau")).isEqualTo(1);                // B
        assertThat(summary.getLong("wau")).isEqualTo(4);                // F (24), A (28, 29), C (29), B (30)
        assertThat(summary.getLong("mau")).isEqualTo(6);                // everyone active since day 1 but G
        assertThat(summary.getDouble("stickiness")).isEqualTo(0.1444);  // 26 member-days ÷ 30 ÷ 6
        assertThat(summary.getLong("silentMembers")).isEqualTo(1);      // G
        assertThat(summary.getString("lastActiveDay")).isEqualTo(history.day(30));
        assertThat(summary.getLong("revenue30Days[0].amount")).isEqualTo(23_000);   // E, D, F; B buys on day 31
        assertThat(series("DAU", 0, 10)).containsExactly(3, 2, 1, 1, 0, 0, 0, 1, 2, 2, 1);
        assertThat(series("MESSAGES", 0, 3)).containsExactly(3, 1, 1, 1);         // duplicates and the bridge resend count once
        assertThat(series("JOINS", 8, 9)).containsExactly(1, 1);
    }

    @Test
    void cohortRetentionTriangle() {
        JsonPath retention = Scenario.get(groupPath + "/retention", weeks);
        assertThat(retention.getList("cohorts.week", String.class))
                .containsExactly(history.day(0), history.day(7), history.day(14), history.day(21), history.day(28));
        assertThat(retention.getList("cohorts.size", Integer.class)).containsExactly(4, 2, 1, 0, 0);
        assertThat(retention.getList("cohorts[0].active", Integer.class)).containsExactly(3, 2, 2, 1, 3);
        assertThat(retention.getList("cohorts[1].active", Integer.class)).containsExactly(2, 1, 0, 0);
        assertThat(retention.getList("cohorts[2].active", Integer.class)).containsExactly(1, 1, 0);
        assertThat(retention.getList("cohorts[3].active", Integer.class)).containsExactly(0, 0);
        assertThat(retention.getList("cohorts[0].retention", Double.class)).containsExactly(0.75, 0.5, 0.5, 0.25, 0.75);
        assertThat(retention.getList("cohorts[1].retention", Double.class)).containsExactly(1.0, 0.5, 0.0, 0.0);
    }

    @Test
    void lifecyclePerWeek() {
        JsonPath lifecycle = Scenario.get(groupPath + "/lifecycle", weeks);
        assertThat(lifecycle.getList("weeks.newMembers", Integer.class)).containsExactly(3, 2, 1, 0, 0);
        assertThat(lifecycle.getList("weeks.returning", Integer.class)).containsExactly(0, 2, 3, 2, 1);
        assertThat(lifecycle.getList("weeks.resurrecting", Integer.class)).containsExactly(0, 0, 0, 0, 2);
        assertThat(lifecycle.getList("weeks.dormant", Integer.class)).containsExactly(0, 1, 1, 2, 1);
    }

    @Test
    void funnelRevenueAndReferrals() {
        JsonPath funnel = Scenario.get(groupPath + "/funnel", weeks);
        assertThat(List.of(funnel.getLong("joined"), funnel.getLong("activated"), funnel.getLong("retained"),
                funnel.getLong("converted"), funnel.getLong("referred"))).containsExactly(7L, 6L, 4L, 3L, 1L);

        JsonPath revenue = Scenario.get(groupPath + "/revenue", weeks);
        assertThat(revenue.getString("gmv[0].currency")).isEqualTo("CNY");
        assertThat(revenue.getLong("gmv[0].purchases")).isEqualTo(4);     // F's order counted once; H's is nobody's
        assertThat(revenue.getLong("gmv[0].amount")).isEqualTo(28_000);
        assertThat(revenue.getLong("buyers")).isEqualTo(4);
        assertThat(revenue.getLong("members")).isEqualTo(6);
        assertThat(revenue.getDouble("conversionRate")).isEqualTo(0.6667);
        assertThat(revenue.getLong("arpu[0].amount")).isEqualTo(4_667);
        assertThat(revenue.getLong("referredRevenue[0].purchases")).isEqualTo(3);   // E and D (A's), F (B's)
        assertThat(revenue.getLong("referredRevenue[0].amount")).isEqualTo(23_000);

        JsonPath referrals = Scenario.get(groupPath + "/referrals", weeks);
        assertThat(referrals.getLong("invitedJoins")).isEqualTo(3);
        assertThat(referrals.getLong("activeMembers")).isEqualTo(6);
        assertThat(referrals.getDouble("kFactor")).isEqualTo(0.5);
        assertThat(referrals.getList("inviters.memberId", String.class)).containsExactly(history.a.toString(), history.b.toString());
        assertThat(referrals.getList("inviters.invited", Integer.class)).containsExactly(2, 1);
    }

    @Test
    void purchasesAreCreditedToTheNamedGroupThenTheLastTouchThenNobody() {
        JsonPath e = Scenario.get("/api/v1/analytics/members/" + history.e, Map.of());
        assertThat(e.getLong("purchases[0].amount")).isEqualTo(5_000);
        JsonPath a = Scenario.get("/api/v1/analytics/members/" + history.a, Map.of());
        assertThat(a.getLong("referredRevenue[0].purchases")).isEqualTo(2);   // E's, moved to the group when E's earlier message arrived, and D's
        assertThat(a.getLong("referredRevenue[0].amount")).isEqualTo(13_000);
        assertThat(a.getString("groups[0].role")).isEqualTo("OWNER");
        assertThat(a.getLong("groups[0].invitedMembers")).isEqualTo(2);
        JsonPath h = Scenario.get("/api/v1/analytics/members/" + history.h, Map.of());
        assertThat(h.getLong("purchases[0].amount")).isEqualTo(3_000);
        assertThat(h.getList("groups")).isEmpty();
        assertThat(h.getList("referredRevenue")).isEmpty();
    }

    @Test
    void kolsByScore() {
        JsonPath kols = Scenario.get(groupPath + "/kols", weeks);
        assertThat(kols.getList("memberId", String.class)).containsExactly(history.a.toString(), history.b.toString(),
                history.f.toString(), history.d.toString(), history.c.toString(), history.e.toString());
        // A: 12 messages + 2 × 3 replies + 3 × 3 repliers (B, D, F) + 10 × 2 invited + 5 × 2 referred purchases
        assertThat(kols.getList("score", Integer.class)).containsExactly(57, 19, 9, 3, 2, 1);
        assertThat(kols.getInt("[0].messages")).isEqualTo(12);
        assertThat(kols.getInt("[0].repliesReceived")).isEqualTo(3);
        assertThat(kols.getInt("[0].distinctRepliers")).isEqualTo(3);
        assertThat(kols.getInt("[2].repliesReceived")).isEqualTo(1);    // F, answered by A on day 22
        assertThat(Scenario.get(groupPath + "/kols", Map.of("from", history.day(0), "to", history.day(34), "limit", 2))
                .getList("memberId")).hasSize(2);
    }

    @Test
    void runningCountsAreWhatARecountFinds() {
        RunningCountsCheck.assertAgreesWithRecount(entityManager, history.group);
    }

    @Test
    void silentMembers() {
        JsonPath silent = Scenario.get(groupPath + "/members/silent", Map.of("day", history.day(30)));
        assertThat(silent.getLong("totalItems")).isEqualTo(1);
        assertThat(silent.getString("items[0].memberId")).isEqualTo(history.g.toString());
        assertThat(silent.getString("items[0].lastActiveDay")).isNull();
        JsonPath earlier = Scenario.get(groupPath + "/members/silent", Map.of("day", history.day(27)));
        assertThat(earlier.getList("items.memberId", String.class))       // C quiet since day 0, G never active
                .containsExactly(history.g.toString(), history.c.toString());
        assertThat(earlier.getString("items[1].lastActiveDay")).isEqualTo(history.day(0));
    }

    @Test
    void ownersAndAdminsReadTheirGroupOthersDoNot() {
        String owner = Scenario.member(history.a);
        given().auth().oauth2(owner).queryParam("day", history.day(30)).when().get(groupPath + "/summary").then().statusCode(200);
        given().auth().oauth2(owner).queryParams(weeks).when().get(groupPath + "/kols").then().statusCode(200);
        JsonPath ranking = given().auth().oauth2(owner).queryParam("sort", "GMV").queryParam("day", history.day(34))
                .when().get("/api/v1/analytics/groups").then().statusCode(200).extract().jsonPath();
        assertThat(ranking.getList("items.groupId", String.class)).containsExactly(history.group.toString());
        assertThat(ranking.getLong("items[0].gmv30Days")).isEqualTo(28_000);
        assertThat(ranking.getLong("items[0].wau")).isEqualTo(3);        // A (28, 29), C (29), B (30)

        String member = Scenario.member(history.c);
        given().auth().oauth2(member).when().get(groupPath + "/summary").then().statusCode(403)
                .contentType("application/problem+json");
        given().auth().oauth2(member).when().get("/api/v1/analytics/members/" + history.a).then().statusCode(403);
        given().auth().oauth2(member).when().get("/api/v1/analytics/members/" + history.c).then().statusCode(200);
        assertThat(given().auth().oauth2(member).when().get("/api/v1/analytics/groups").then().statusCode(200)
                .extract().jsonPath().getList("items")).isEmpty();

        history.scenario().roleChanged(history.group, history.c, 31, "ADMIN");
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(member).when().get(groupPath + "/summary").then().statusCode(200));
        // The owner who leaves loses access.
        history.scenario().left(history.group, history.a, 40);   // after the weeks the other tests look at
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                given().auth().oauth2(owner).when().get(groupPath + "/summary").then().statusCode(403));
    }

    @Test
    void badWindowsAreRefusedByName() {
        given().auth().oauth2(Scenario.operator()).queryParam("from", history.day(10)).queryParam("to", history.day(1))
                .when().get(groupPath + "/funnel").then().statusCode(400).contentType("application/problem+json");
        given().auth().oauth2(Scenario.operator()).queryParam("from", history.day(0)).queryParam("to", LocalDate.parse(history.day(0)).plusDays(366).toString())
                .when().get(groupPath + "/retention").then().statusCode(400).body("violations[0].field", org.hamcrest.Matchers.equalTo("to"));
        // Only from, after today: to defaults to today, so the window is inverted.
        given().auth().oauth2(Scenario.operator()).queryParam("from", LocalDate.now().plusDays(3).toString())
                .when().get(groupPath + "/lifecycle").then().statusCode(400).body("violations[0].field", org.hamcrest.Matchers.equalTo("to"));
        // No window at all is not bad input: the last 30 days.
        given().auth().oauth2(Scenario.operator()).when().get(groupPath + "/retention").then().statusCode(200);
        given().auth().oauth2(Scenario.operator()).queryParams(weeks).queryParam("limit", 0)
                .when().get(groupPath + "/kols").then().statusCode(400);
        given().auth().oauth2(Scenario.operator()).queryParam("currency", "yuan")
                .when().get("/api/v1/analytics/groups").then().statusCode(400);
        given().auth().oauth2(Scenario.operator()).when().get("/api/v1/analytics/members/" + UUID.randomUUID()).then().statusCode(404);
        // Values that do not convert are bad input, not missing resources.
        given().auth().oauth2(Scenario.operator()).queryParam("sort", "LOUDEST")
                .when().get("/api/v1/analytics/groups").then().statusCode(400).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.equalTo("sort: 'LOUDEST' is not a valid value"));
        given().auth().oauth2(Scenario.operator()).queryParam("metric", "DAU").queryParam("from", "yesterday").queryParam("to", history.day(1))
                .when().get(groupPath + "/timeseries").then().statusCode(400).body("detail", org.hamcrest.Matchers.equalTo("from: 'yesterday' is not a valid value"));
        given().auth().oauth2(Scenario.operator()).when().get("/api/v1/analytics/members/not-a-member-id").then().statusCode(404);
    }

    private List<Integer> series(String metric, int from, int to) {
        return Scenario.get(groupPath + "/timeseries", Map.of("metric", metric, "from", history.day(from), "to", history.day(to)))
                .getList("value", Integer.class);
    }
}
