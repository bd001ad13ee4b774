package io.shequn.analytics.members;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shequn.analytics.Scenario;
import io.shequn.analytics.TwoGroupHistory;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;

/** A member's days and purchases, and the group names the dashboard shows, over {@link TwoGroupHistory}. */
@QuarkusTest
class MemberHistoryTest {

    @Test
    void activityListsTheGroupsOfEachDayAndTheMessages() {
        TwoGroupHistory h = TwoGroupHistory.get();
        JsonPath activity = given().auth().oauth2(Scenario.member(h.a)).queryParams(Map.of("from", h.day(0), "to", h.day(10)))
                .when().get("/api/v1/analytics/members/" + h.a + "/activity").then().statusCode(200).extract().jsonPath();
        assertThat(activity.getList("days")).hasSize(11);
        assertThat(activity.getList("days[0].groups", String.class)).containsExactlyInAnyOrder(h.g1.toString(), h.g2.toString());
        assertThat(activity.getInt("days[0].messages")).isEqualTo(2);
        assertThat(activity.getList("days[3].groups", String.class)).containsExactly(h.g1.toString());   // a check-in
        assertThat(activity.getInt("days[3].messages")).isZero();
        assertThat(activity.getList("days[1].groups")).isEmpty();
        assertThat(activity.getList("days[10].groups", String.class)).containsExactly(h.g2.toString());
    }

    @Test
    void purchasesAreListedNewestFirstWithTheirGroupAndRule() {
        TwoGroupHistory h = TwoGroupHistory.get();
        JsonPath c = Scenario.get("/api/v1/analytics/members/" + h.c + "/purchases", Map.of());
        assertThat(c.getLong("totalItems")).isEqualTo(1);
        assertThat(c.getString("items[0].orderId")).isEqualTo(h.orderC.toString());
        assertThat(c.getString("items[0].groupId")).isEqualTo(h.g2.toString());
        assertThat(c.getString("items[0].groupName")).isEqualTo("Reading 读书");
        assertThat(c.getString("items[0].rule")).isEqualTo("LAST_TOUCH");
        assertThat(c.getLong("items[0].amount")).isEqualTo(7_000);
        assertThat(c.getString("items[0].currency")).isEqualTo("CNY");
        JsonPath b = given().auth().oauth2(Scenario.member(h.b)).queryParam("size", 1)
                .when().get("/api/v1/analytics/members/" + h.b + "/purchases").then().statusCode(200).extract().jsonPath();
        assertThat(b.getString("items[0].rule")).isEqualTo("UNATTRIBUTED");
        assertThat(b.getString("items[0].groupId")).isNull();
    }

    @Test
    void groupNamesFromGroupCreatedAreShownEverywhereAGroupIs() {
        TwoGroupHistory h = TwoGroupHistory.get();
        JsonPath member = Scenario.get("/api/v1/analytics/members/" + h.a, Map.of());
        assertThat(member.getList("groups.groupName", String.class)).containsExactlyInAnyOrder("Hiking 徒步", "Reading 读书");
        assertThat(Scenario.get("/api/v1/analytics/groups/" + h.g1 + "/summary", Map.of("day", h.day(3))).getString("name"))
                .isEqualTo("Hiking 徒步");
        JsonPath ranking = given().auth().oauth2(Scenario.member(h.owner)).queryParam("sort", "GMV").queryParam("day", h.day(29))
                .when().get("/api/v1/analytics/groups").then().statusCode(200).extract().jsonPath();
        assertThat(ranking.getList("items.name", String.class)).containsExactly("Hiking 徒步", "Reading 读书");
    }

    @Test
    void onlyOperatorsAndTheMemberThemselvesMayReadThem() {
        TwoGroupHistory h = TwoGroupHistory.get();
        for (String path : List.of("/activity?from=" + h.day(0) + "&to=" + h.day(1), "/purchases")) {
            given().auth().oauth2(Scenario.member(h.owner)).when().get("/api/v1/analytics/members/" + h.a + path)
                    .then().statusCode(403).contentType(containsString("problem+json"));
        }
        given().auth().oauth2(Scenario.operator()).queryParam("size", 101).when().get("/api/v1/analytics/members/" + h.a + "/purchases")
                .then().statusCode(400).body("detail", containsString("size"));
        given().auth().oauth2(Scenario.operator()).queryParam("from", h.day(0))
                .when().get("/api/v1/analytics/members/" + h.a + "/activity").then().statusCode(400).body("detail", containsString("to"));
    }
}
