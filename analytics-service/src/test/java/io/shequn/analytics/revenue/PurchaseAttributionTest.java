package io.shequn.analytics.revenue;

import io.quarkus.test.junit.QuarkusTest;
import io.shequn.analytics.Scenario;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.shequn.localstack.CloudEventRecords.binary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A purchase goes to the group it names (its groupId, else the sku of an entry-fee item), else the
 * last touch within 7 days, else nobody; an order counts once.
 */
@QuarkusTest
class PurchaseAttributionTest {

    /** ISO 4217 reserves XTS for testing, so the suite-wide totals below are this test's alone. */
    private static final String CURRENCY = "XTS";

    private static final Scenario events = new Scenario();

    @Test
    void purchasesAreCreditedToTheNamedGroupThenTheLastTouchThenNobody() {
        UUID groupA = UUID.randomUUID();
        UUID groupB = UUID.randomUUID();
        UUID paidGroup = UUID.randomUUID();
        UUID buyer = UUID.randomUUID();
        UUID stranger = UUID.randomUUID();
        joined(groupA, buyer, "2026-04-01T02:00:00Z");   // messages count only from members (docs/analytics.md)
        joined(groupB, buyer, "2026-04-01T02:00:00Z");
        message(groupA, buyer, "2026-04-07T02:00:00Z");
        message(groupB, buyer, "2026-04-09T02:00:00Z");
        awaitDau(groupB, "2026-04-09", 1);

        purchase(UUID.randomUUID(), buyer, 1000, groupA, "2026-04-10T02:00:00Z");   // named: A, although B is the last touch
        UUID lastTouch = UUID.randomUUID();
        purchase(lastTouch, buyer, 2000, null, "2026-04-10T03:00:00Z");              // last touch: B
        purchase(lastTouch, buyer, 2000, null, "2026-04-10T03:00:00Z");              // the shop sends the same order again
        purchase(UUID.randomUUID(), stranger, 4000, null, "2026-04-10T04:00:00Z");   // never active: unattributed
        UUID entryFee = UUID.randomUUID();
        send("purchase", buyer.toString(), "2026-04-10T05:00:00Z", """
                {"orderId":"%s","memberId":"%s","amount":9900,"currency":"%s","items":[{"sku":"group-entry:%s","quantity":1,"unitAmount":9900}],\
                "purchasedAt":"2026-04-10T05:00:00Z"}""".formatted(entryFee, buyer, CURRENCY, paidGroup));   // the entry fee names its group
        purchase(UUID.randomUUID(), buyer, 8000, null, "2026-04-17T02:00:01Z");      // last touch more than 7 days before: unattributed

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() ->
                assertThat(gmv()).containsExactly(Map.of("currency", CURRENCY, "purchases", 5, "amount", 24900)));
        assertThat(groupRevenue(groupA, "2026-04-10")).containsExactly(Map.of("currency", CURRENCY, "purchases", 1, "amount", 1000));
        assertThat(groupRevenue(groupB, "2026-04-10")).containsExactly(Map.of("currency", CURRENCY, "purchases", 1, "amount", 2000));
        assertThat(groupRevenue(groupB, "2026-04-17")).containsExactly(Map.of("currency", CURRENCY, "purchases", 1, "amount", 2000));
        assertThat(groupRevenue(paidGroup, "2026-04-10")).containsExactly(Map.of("currency", CURRENCY, "purchases", 1, "amount", 9900));
        var purchases = given().auth().oauth2(Scenario.operator()).when().get("/api/v1/analytics/members/" + buyer + "/purchases")
                .then().statusCode(200).extract().jsonPath();
        assertThat(purchases.getString("items.find { it.orderId == '" + entryFee + "' }.groupId")).isEqualTo(paidGroup.toString());
        assertThat(purchases.getString("items.find { it.orderId == '" + entryFee + "' }.rule")).isEqualTo("NAMED");
    }

    private static void message(UUID group, UUID member, String at) {
        send("message-posted", group.toString(), at, """
                {"messageId":"%s","groupId":"%s","memberId":"%s","kind":"TEXT","length":2,"postedAt":"%s"}"""
                .formatted(UUID.randomUUID(), group, member, at));
    }

    private static void joined(UUID group, UUID member, String at) {
        events.kafka().send(binary("member-joined", group.toString(), UUID.randomUUID().toString(), "/shequn/group-service",
                "shequn.member-joined.v1", Instant.parse(at), """
                        {"groupId":"%s","memberId":"%s","role":"MEMBER","via":"OPEN","joinedAt":"%s"}""".formatted(group, member, at)));
    }

    private static void purchase(UUID order, UUID member, long amount, UUID group, String at) {
        send("purchase", member.toString(), at, """
                {"orderId":"%s","memberId":"%s","amount":%d,"currency":"%s",%s"purchasedAt":"%s"}"""
                .formatted(order, member, amount, CURRENCY, group == null ? "" : "\"groupId\":\"" + group + "\",", at));
    }

    private static void send(String topic, String key, String at, String data) {
        events.kafka().send(binary(topic, key, UUID.randomUUID().toString(), "/shop/orders", "shequn." + topic + ".v1", Instant.parse(at), data));
    }

    private static void awaitDau(UUID group, String day, int dau) {
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(given().auth().oauth2(Scenario.operator()).queryParam("day", day)
                .when().get("/api/v1/analytics/groups/" + group + "/summary").then().statusCode(200)
                .extract().jsonPath().getInt("dau")).isEqualTo(dau));
    }

    private static List<Map<String, Object>> gmv() {
        List<Map<String, Object>> all = given().auth().oauth2(Scenario.operator()).when().get("/api/v1/analytics/overview")
                .then().statusCode(200).extract().jsonPath().getList("gmv");
        return all.stream().filter(r -> CURRENCY.equals(r.get("currency"))).toList();
    }

    private static List<Map<String, Object>> groupRevenue(UUID group, String day) {
        return given().auth().oauth2(Scenario.operator()).queryParam("day", day)
                .when().get("/api/v1/analytics/groups/" + group + "/summary").then().statusCode(200)
                .extract().jsonPath().getList("revenue30Days");
    }

}
