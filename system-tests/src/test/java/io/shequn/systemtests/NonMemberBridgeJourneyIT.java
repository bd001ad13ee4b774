package io.shequn.systemtests;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 16, item 5: a chat bridge relays a message from a registered member who never joined the
 * group. engagement-service lists it nowhere and rewards nothing, and analytics counts it in no
 * figure: the one-member group stays at one member, one active member, one message.
 */
@Order(50)
class NonMemberBridgeJourneyIT extends SystemTest {

    @Test
    void aNonMembersBridgeMessageChangesNoGroupFigure() {
        UUID owner = id(register("He Ping", null));
        UUID stranger = id(register("Wu Yi", null));
        UUID group = createGroup(owner, "Quiet garden", Map.of("mode", "OPEN"));
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        // The owner's membership is known to engagement-service before the bridge speaks.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(owner)
                .when().get(url("ENGAGEMENT", "/api/v1/groups/" + group + "/messages")).then().statusCode(200));

        UUID outside = UUID.randomUUID();
        bridgeMessage(group, stranger, outside, "buy cheap followers", Instant.now());
        UUID marker = UUID.randomUUID();   // same partition (keyed by group): read after the stranger's
        bridgeMessage(group, owner, marker, "good morning", Instant.now());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath messages = as(owner).when().get(url("ENGAGEMENT", "/api/v1/groups/" + group + "/messages"))
                    .then().statusCode(200).extract().jsonPath();
            assertThat(messages.getList("items.id", String.class)).containsExactly(marker.toString());
            assertThat(messages.getLong("totalItems")).isEqualTo(1);
        });
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath summary = analytics("/api/v1/analytics/groups/" + group + "/summary?day=" + today);
            assertThat(summary.getLong("dau")).isEqualTo(1);
            assertThat(summary.getLong("members")).isEqualTo(1);
            assertThat(analytics("/api/v1/analytics/groups/" + group + "/timeseries?metric=MESSAGES&from=" + today + "&to=" + today)
                    .getLong("[0].value")).isEqualTo(1);
        });
        assertThat(analytics("/api/v1/analytics/groups/" + group + "/kols?from=" + today + "&to=" + today)
                .getList("memberId", String.class)).containsExactly(owner.toString());
        assertThat(analytics("/api/v1/analytics/groups/" + group + "/funnel?from=" + today + "&to=" + today).getLong("joined")).isEqualTo(1);
        JsonPath strangerPage = analytics("/api/v1/analytics/members/" + stranger);
        assertThat(strangerPage.getList("groups")).isEmpty();
        JsonPath points = new JsonPath(as(stranger).when().get(url("ENGAGEMENT", "/api/v1/members/me/points"))
                .then().statusCode(200).extract().asString());
        assertThat(points.getLong("balance")).isZero();
    }
}
