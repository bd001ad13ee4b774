package io.shequn.systemtests;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * Issue 16, item 3: a shop's purchase whose item has sku {@code group-entry:{groupId}} and no
 * {@code groupId} completes the paid membership and earns the group its GMV, conversion and ARPU.
 * Issue 13, journey (2): the admitted buyer checks in (engagement-service knows the paid member),
 * and analytics counts the check-in and the buyer's activation beside the purchase.
 */
@Order(30)
class PaidEntryJourneyIT extends SystemTest {

    @Test
    void theEntryFeeNamedOnlyByItsSkuIsTheGroupsRevenue() {
        UUID owner = id(register("Sun Mei", null));
        UUID buyer = id(register("Li Hua", null));
        UUID group = createGroup(owner, "Paid reading circle",
                Map.of("mode", "PAID", "entryFee", Map.of("amount", 9_900, "currency", "CNY")));
        assertThat(join(group, buyer, null)).isEqualTo("PENDING_PAYMENT");

        UUID order = UUID.randomUUID();
        purchase(order, buyer, 9_900, List.of("group-entry:" + group), null, Instant.now());
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(buyer)
                .when().get(url("GROUP", "/api/v1/groups/" + group + "/members/" + buyer))
                .then().statusCode(200).body("status", equalTo("ACTIVE")));

        // Admitted: engagement-service learns of the paid join and accepts the buyer's check-in.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(buyer)
                .when().post(url("ENGAGEMENT", "/api/v1/groups/" + group + "/check-ins")).then().statusCode(201)
                .body("streak", equalTo(1)));

        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(analytics("/api/v1/analytics/groups/" + group + "/timeseries?metric=CHECK_INS&from=" + today + "&to=" + today)
                    .getLong("[0].value")).isEqualTo(1);
            assertThat(analytics("/api/v1/analytics/groups/" + group + "/summary?day=" + today).getLong("dau")).isEqualTo(1);
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath revenue = analytics("/api/v1/analytics/groups/" + group + "/revenue?from=" + today + "&to=" + today);
            assertThat(revenue.getList("gmv")).containsExactly(Map.of("currency", "CNY", "purchases", 1, "amount", 9_900));
            assertThat(revenue.getLong("buyers")).isEqualTo(1);
            assertThat(revenue.getLong("members")).isEqualTo(2);
            assertThat(revenue.getDouble("conversionRate")).isEqualTo(0.5);
            assertThat(revenue.getList("arpu")).containsExactly(Map.of("currency", "CNY", "purchases", 1, "amount", 4_950));
        });
        JsonPath funnel = analytics("/api/v1/analytics/groups/" + group + "/funnel?from=" + today + "&to=" + today);
        assertThat(funnel.getLong("joined")).isEqualTo(2);
        assertThat(funnel.getLong("activated")).as("the buyer checked in on their join day").isEqualTo(1);
        JsonPath purchases = analytics("/api/v1/analytics/members/" + buyer + "/purchases");
        assertThat(purchases.getString("items[0].orderId")).isEqualTo(order.toString());
        assertThat(purchases.getString("items[0].groupId")).isEqualTo(group.toString());
        assertThat(purchases.getString("items[0].rule")).isEqualTo("NAMED");
        analytics("/api/v1/analytics/groups/" + group + "/summary?day=" + today);
        JsonPath ranking = new JsonPath(as(owner).when().get(url("ANALYTICS", "/api/v1/analytics/groups?sort=GMV&day=" + today))
                .then().statusCode(200).extract().asString());
        assertThat(ranking.getLong("items[0].gmv30Days")).isEqualTo(9_900);

        // engagement-service credits the order's points to the same group.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath points = new JsonPath(as(buyer).when().get(url("ENGAGEMENT", "/api/v1/members/me/points"))
                    .then().statusCode(200).extract().asString());
            assertThat(points.getLong("balance")).isEqualTo(99 + 10);
            assertThat(points.getList("history.items.reason", String.class)).containsExactlyInAnyOrder("PURCHASE", "CHECK_IN");
            assertThat(points.getString("history.items.find { it.reason == 'PURCHASE' }.groupId")).isEqualTo(group.toString());
        });
    }
}
