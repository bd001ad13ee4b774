package io.shequn.analytics.groups;

import io.quarkus.test.junit.QuarkusTest;
import io.shequn.analytics.Scenario;
import io.shequn.localstack.LocalStack;
import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.shequn.localstack.CloudEventRecords.binary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A hand-built group history published to the real Kafka, with exact expected figures
 * (docs/analytics.md): days in the group's time zone, a duplicate, a late event and a leaver.
 */
@QuarkusTest
class GroupActivityScenarioTest {

    private static final Scenario events = new Scenario();

    /** Every per-group operation, with what it requires besides the group. */
    private static final List<String> PER_GROUP = List.of("summary", "timeseries?metric=DAU", "members/silent", "retention", "lifecycle",
            "funnel", "revenue", "referrals", "kols", "campaigns");

    @Test
    void dailyFiguresFollowTheGroupsTimeZoneAndIgnoreDuplicates() {
        UUID group = UUID.randomUUID();
        UUID m1 = UUID.randomUUID();
        UUID m2 = UUID.randomUUID();
        UUID m3 = UUID.randomUUID();
        UUID m4 = UUID.randomUUID();
        UUID m5 = UUID.randomUUID();
        publish("group-created", group, "2026-03-01T00:00:00Z", """
                {"groupId":"%s","name":"Tea circle","type":"INTEREST","ownerId":"%s","timeZone":"Asia/Shanghai","createdAt":"2026-03-01T00:00:00Z"}"""
                .formatted(group, m1));
        for (UUID member : List.of(m1, m2, m3, m4)) {
            joined(group, member, "2026-03-02T00:30:00Z");
        }
        joined(group, m5, "2026-03-04T02:00:00Z");
        message(group, m1, "2026-03-02T02:00:00Z");
        message(group, m1, "2026-03-02T02:05:00Z");
        message(group, m1, "2026-03-02T16:30:00Z");            // 00:30 on 3 March in Shanghai
        String duplicate = message(group, m1, "2026-03-03T16:30:00Z");
        publishWithId(duplicate, "message-posted", group, "2026-03-03T16:30:00Z", messageData(group, m1, "2026-03-03T16:30:00Z"));
        publish("checked-in", group, "2026-03-02T01:00:00Z", """
                {"groupId":"%s","memberId":"%s","day":"2026-03-02","streak":1,"pointsAwarded":10,"checkedInAt":"2026-03-02T01:00:00Z"}"""
                .formatted(group, m2));
        publish("checked-in", group, "2026-03-09T01:00:00Z", """
                {"groupId":"%s","memberId":"%s","day":"2026-03-09","streak":1,"pointsAwarded":10,"checkedInAt":"2026-03-09T01:00:00Z"}"""
                .formatted(group, m2));
        publish("red-packet-grabbed", group, "2026-03-03T03:00:00Z", """
                {"packetId":"%s","groupId":"%s","memberId":"%s","amount":88,"currency":"CNY","grabbedAt":"2026-03-03T03:00:00Z"}"""
                .formatted(UUID.randomUUID(), group, m3));
        publish("member-left", group, "2026-03-06T02:00:00Z", """
                {"groupId":"%s","memberId":"%s","reason":"LEFT","leftAt":"2026-03-06T02:00:00Z"}""".formatted(group, m5));
        message(group, m3, "2026-03-02T05:00:00Z");            // late: arrives after a week of other events

        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            JsonPath summary = summary(group, "2026-03-09");
            assertThat(summary.getLong("members")).isEqualTo(4);
            assertThat(summary.getLong("dau")).isEqualTo(1);
            assertThat(summary.getLong("wau")).isEqualTo(3);
            assertThat(summary.getLong("mau")).isEqualTo(3);
            assertThat(summary.getDouble("stickiness")).isEqualTo(0.0778);
            assertThat(summary.getLong("silentMembers")).isEqualTo(1);
            assertThat(summary.getString("lastActiveDay")).isEqualTo("2026-03-09");
            assertThat(series(group, "DAU", "2026-03-01", "2026-03-09")).containsExactly(0, 3, 2, 1, 0, 0, 0, 0, 1);
        });
        assertThat(series(group, "MESSAGES", "2026-03-02", "2026-03-04")).containsExactly(3, 1, 1);
        assertThat(series(group, "JOINS", "2026-03-02", "2026-03-04")).containsExactly(4, 0, 1);
        assertThat(series(group, "LEAVES", "2026-03-05", "2026-03-06")).containsExactly(0, 1);
        JsonPath thirdOfMarch = summary(group, "2026-03-03");
        assertThat(thirdOfMarch.getLong("dau")).isEqualTo(2);
        assertThat(thirdOfMarch.getString("timeZone")).isEqualTo("Asia/Shanghai");
    }

    @Test
    void groupAnalyticsAreForOperatorsAndRefuseBadWindows() {
        UUID group = UUID.randomUUID();
        given().auth().oauth2(LocalStack.shared().tokens().member(UUID.randomUUID()))
                .when().get("/api/v1/analytics/groups/" + group + "/summary").then().statusCode(403);
        given().when().get("/api/v1/analytics/groups/" + group + "/summary").then().statusCode(401);
        given().auth().oauth2(Scenario.operator()).queryParam("metric", "DAU").queryParam("from", "2026-03-09").queryParam("to", "2026-03-01")
                .when().get("/api/v1/analytics/groups/" + group + "/timeseries").then().statusCode(400);
        given().auth().oauth2(Scenario.operator()).queryParam("metric", "DAU").queryParam("from", "2025-01-01").queryParam("to", "2026-03-01")
                .when().get("/api/v1/analytics/groups/" + group + "/timeseries").then().statusCode(400);
        given().auth().oauth2(Scenario.operator()).queryParam("from", "2026-03-01").queryParam("to", "2026-03-02")
                .when().get("/api/v1/analytics/groups/" + group + "/timeseries").then().statusCode(400);
    }

    @Test
    void aGroupNoEventHasNamedIs404OnEveryPerGroupOperation() {
        UUID unknown = UUID.randomUUID();
        for (String path : PER_GROUP) {
            given().auth().oauth2(Scenario.operator()).when().get("/api/v1/analytics/groups/" + unknown + "/" + path)
                    .then().statusCode(404).contentType("application/problem+json")
                    .body("detail", org.hamcrest.Matchers.equalTo("Analytics has seen no event about group " + unknown));
        }
        // A window that cannot be read is a 400 naming it, whether the group is known or not.
        given().auth().oauth2(Scenario.operator()).queryParam("from", "2026-11-10").queryParam("to", "2026-11-01")
                .when().get("/api/v1/analytics/groups/" + unknown + "/funnel").then().statusCode(400)
                .body("violations[0].field", org.hamcrest.Matchers.equalTo("to"));
    }

    @Test
    void aGroupNamedOnlyByAPurchaseOrACampaignIsKnown() {
        UUID bought = UUID.randomUUID();
        UUID buyer = UUID.randomUUID();
        String at = Instant.now().minus(Duration.ofHours(1)).toString();
        events.kafka().send(binary("purchase", buyer.toString(), UUID.randomUUID().toString(), "/tests/shop", "shequn.purchase.v1", Instant.parse(at), """
                {"orderId":"%s","memberId":"%s","groupId":"%s","amount":1500,"currency":"CNY","items":[{"sku":"tea-1","quantity":1,"unitAmount":1500}],\
                "purchasedAt":"%s"}""".formatted(UUID.randomUUID(), buyer, bought, at)));
        UUID drawnIn = UUID.randomUUID();
        publish("red-packet-sent", drawnIn, at, """
                {"packetId":"%s","groupId":"%s","senderId":"%s","currency":"POINTS","totalAmount":1000,"count":10,"expiresAt":"%s","sentAt":"%s"}"""
                .formatted(UUID.randomUUID(), drawnIn, UUID.randomUUID(), Instant.parse(at).plus(Duration.ofDays(1)), at));
        UUID entered = UUID.randomUUID();
        publish("lottery-entered", entered, at, """
                {"lotteryId":"%s","groupId":"%s","memberId":"%s","cost":0,"enteredAt":"%s"}""".formatted(UUID.randomUUID(), entered, UUID.randomUUID(), at));

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            for (UUID group : List.of(bought, drawnIn, entered)) {
                for (String path : PER_GROUP) {
                    given().auth().oauth2(Scenario.operator()).when().get("/api/v1/analytics/groups/" + group + "/" + path).then().statusCode(200);
                }
            }
        });
        // The purchase is in the group's default window (the last 30 days in its zone; Asia/Shanghai before group-created).
        given().auth().oauth2(Scenario.operator()).when().get("/api/v1/analytics/groups/" + bought + "/revenue")
                .then().statusCode(200).body("gmv[0].amount", org.hamcrest.Matchers.equalTo(1500));
        given().auth().oauth2(Scenario.operator()).when().get("/api/v1/analytics/groups/" + drawnIn + "/campaigns")
                .then().statusCode(200).body("totalItems", org.hamcrest.Matchers.equalTo(1));
    }

    @Test
    void windowsDefaultToTheLast30DaysAndDaysToTodayInTheGroupsTimeZone() {
        // UTC+14: its today differs from UTC's for 14 hours of every day.
        ZoneId zone = ZoneId.of("Pacific/Kiritimati");
        UUID group = UUID.randomUUID();
        String now = Instant.now().toString();
        publish("group-created", group, now, """
                {"groupId":"%s","name":"Island circle","type":"INTEREST","ownerId":"%s","timeZone":"%s","createdAt":"%s"}"""
                .formatted(group, UUID.randomUUID(), zone.getId(), now));
        await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
            LocalDate before = LocalDate.now(zone);
            List<String> days = given().auth().oauth2(Scenario.operator()).queryParam("metric", "DAU")
                    .when().get("/api/v1/analytics/groups/" + group + "/timeseries")
                    .then().statusCode(200).extract().jsonPath().getList("day", String.class);
            LocalDate last = LocalDate.parse(days.get(days.size() - 1));
            assertThat(last).isIn(before, LocalDate.now(zone));
            assertThat(days).hasSize(30).first().isEqualTo(last.minusDays(29).toString());
        });
        LocalDate before = LocalDate.now(zone);
        String day = given().auth().oauth2(Scenario.operator()).when().get("/api/v1/analytics/groups/" + group + "/summary")
                .then().statusCode(200).extract().jsonPath().getString("day");
        assertThat(LocalDate.parse(day)).isIn(before, LocalDate.now(zone));
        // Only to: the 30 days ending on it. Only from: from it to today there.
        List<String> endingOn = given().auth().oauth2(Scenario.operator()).queryParam("metric", "DAU").queryParam("to", "2026-03-31")
                .when().get("/api/v1/analytics/groups/" + group + "/timeseries").then().statusCode(200).extract().jsonPath().getList("day", String.class);
        assertThat(endingOn).hasSize(30).startsWith("2026-03-02").endsWith("2026-03-31");
        LocalDate from = LocalDate.now(zone).minusDays(3);
        List<String> since = given().auth().oauth2(Scenario.operator()).queryParam("metric", "DAU").queryParam("from", from.toString())
                .when().get("/api/v1/analytics/groups/" + group + "/timeseries").then().statusCode(200).extract().jsonPath().getList("day", String.class);
        assertThat(since).first().isEqualTo(from.toString());
        assertThat(LocalDate.parse(since.get(since.size() - 1))).isIn(before, LocalDate.now(zone));
        // A from after today there is an inverted window: 400 naming to.
        given().auth().oauth2(Scenario.operator()).queryParam("from", LocalDate.now(zone).plusDays(2).toString())
                .when().get("/api/v1/analytics/groups/" + group + "/retention").then().statusCode(400)
                .body("violations[0].field", org.hamcrest.Matchers.equalTo("to"));
    }

    private static void joined(UUID group, UUID member, String at) {
        publish("member-joined", group, at, """
                {"groupId":"%s","memberId":"%s","role":"MEMBER","via":"OPEN","joinedAt":"%s"}""".formatted(group, member, at));
    }

    private static String message(UUID group, UUID member, String at) {
        String id = UUID.randomUUID().toString();
        publishWithId(id, "message-posted", group, at, messageData(group, member, at));
        return id;
    }

    private static String messageData(UUID group, UUID member, String at) {
        return """
                {"messageId":"%s","groupId":"%s","memberId":"%s","kind":"TEXT","length":5,"postedAt":"%s"}"""
                .formatted(UUID.nameUUIDFromBytes((group + member.toString() + at).getBytes()), group, member, at);
    }

    private static void publish(String topic, UUID group, String at, String data) {
        publishWithId(UUID.randomUUID().toString(), topic, group, at, data);
    }

    private static void publishWithId(String id, String topic, UUID group, String at, String data) {
        events.kafka().send(binary(topic, group.toString(), id, "/tests/scenario", "shequn." + topic + ".v1", Instant.parse(at), data));
    }

    private static JsonPath summary(UUID group, String day) {
        return given().auth().oauth2(Scenario.operator()).queryParam("day", day)
                .when().get("/api/v1/analytics/groups/" + group + "/summary")
                .then().statusCode(200).extract().jsonPath();
    }

    private static List<Integer> series(UUID group, String metric, String from, String to) {
        return given().auth().oauth2(Scenario.operator()).queryParam("metric", metric).queryParam("from", from).queryParam("to", to)
                .when().get("/api/v1/analytics/groups/" + group + "/timeseries")
                .then().statusCode(200).extract().jsonPath().getList("value", Integer.class);
    }

}
