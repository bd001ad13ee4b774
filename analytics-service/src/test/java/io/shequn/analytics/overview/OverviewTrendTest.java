package io.shequn.analytics.overview;

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

/** The trend across groups over {@link TwoGroupHistory}, worked out by hand. */
@QuarkusTest
class OverviewTrendTest {

    private static final String TREND = "/api/v1/analytics/overview/trend";

    @Test
    void ownerSeesTheirGroupsAsOneWithEachMemberCountedOncePerDay() {
        TwoGroupHistory h = TwoGroupHistory.get();
        JsonPath trend = trend(Scenario.member(h.owner), h.day(0), h.day(40));
        assertThat(trend.getString("window.from")).isEqualTo(h.day(0));
        assertThat(trend.getLong("groups")).isEqualTo(2);
        assertThat(trend.getLong("members")).isEqualTo(3);          // O and A in both, B in G1; C left G2 on day 20
        assertThat(trend.getLong("activeMembers")).isEqualTo(3);    // A, B, C
        assertThat(trend.getList("days")).hasSize(41);
        List<Integer> dau = trend.getList("days.dau", Integer.class);
        List<Integer> wau = trend.getList("days.wau", Integer.class);
        List<Integer> mau = trend.getList("days.mau", Integer.class);
        // A posts in both groups on day 0: one active member.
        assertThat(dau.subList(0, 11)).containsExactly(1, 1, 1, 1, 0, 1, 0, 0, 0, 0, 1);
        assertThat(dau.get(40)).isEqualTo(1);
        assertThat(dau.stream().mapToInt(Integer::intValue).sum()).isEqualTo(7);
        assertThat(wau.subList(0, 18)).containsExactly(1, 2, 2, 2, 2, 3, 3, 3, 3, 2, 2, 2, 1, 1, 1, 1, 1, 0);
        assertThat(wau.subList(17, 40)).containsOnly(0);
        assertThat(wau.get(40)).isEqualTo(1);
        assertThat(mau.subList(0, 5)).containsExactly(1, 2, 2, 2, 2);
        assertThat(mau.subList(5, 32)).containsOnly(3);
        assertThat(mau.subList(32, 41)).containsExactly(2, 2, 2, 1, 1, 1, 1, 1, 1);
        assertThat(trend.getList("days.messages", Integer.class).subList(0, 3)).containsExactly(2, 1, 1);
        assertThat(trend.getInt("days[3].checkIns")).isEqualTo(1);
        assertThat(trend.getInt("days[0].joins")).isEqualTo(5);
        assertThat(trend.getInt("days[1].joins")).isEqualTo(1);
        assertThat(trend.getInt("days[20].leaves")).isEqualTo(1);
        // Their groups' purchases only: the unattributed one belongs to no group of theirs.
        assertThat(trend.getLong("days[3].gmv[0].amount")).isEqualTo(10_000);
        assertThat(trend.getLong("days[5].gmv[0].amount")).isEqualTo(7_000);
        assertThat(trend.getList("days[30].gmv")).isEmpty();
        assertThat(trend.getString("gmv[0].currency")).isEqualTo("CNY");
        assertThat(trend.getLong("gmv[0].purchases")).isEqualTo(2);
        assertThat(trend.getLong("gmv[0].amount")).isEqualTo(17_000);
    }

    @Test
    void operatorsSeeEveryGroupAndThePurchasesNoGroupWasCreditedWith() {
        TwoGroupHistory h = TwoGroupHistory.get();
        JsonPath trend = trend(Scenario.operator(), h.day(0), h.day(40));
        assertThat(trend.getLong("days[30].gmv[0].amount")).isEqualTo(5_000);
        assertThat(trend.getLong("gmv[0].amount")).isEqualTo(22_000);
        assertThat(trend.getLong("groups")).isGreaterThanOrEqualTo(2);
        assertThat(trend.getList("days.mau", Integer.class).subList(5, 32)).containsOnly(3);   // nobody else was active in 2003
    }

    @Test
    void aMemberWhoManagesNoGroupSeesZeros() {
        TwoGroupHistory h = TwoGroupHistory.get();
        JsonPath trend = trend(Scenario.member(h.a), h.day(0), h.day(6));
        assertThat(trend.getLong("groups")).isZero();
        assertThat(trend.getList("days.dau", Integer.class)).containsExactly(0, 0, 0, 0, 0, 0, 0);
        assertThat(trend.getList("gmv")).isEmpty();
    }

    @Test
    void aBadWindowIsA400NamingTheParameter() {
        String token = Scenario.operator();
        given().auth().oauth2(token).queryParam("from", "2003-03-10").queryParam("to", "2003-03-01")
                .when().get(TREND).then().statusCode(400).contentType(containsString("problem+json")).body("detail", containsString("to:"));
        given().auth().oauth2(token).queryParam("to", "2003-03-01")
                .when().get(TREND).then().statusCode(400).body("detail", containsString("from"));
        given().auth().oauth2(token).queryParam("from", "2003-01-01").queryParam("to", "2004-12-31")
                .when().get(TREND).then().statusCode(400).body("detail", containsString("366"));
        given().auth().oauth2(token).queryParam("from", "yesterday").queryParam("to", "2003-03-01")
                .when().get(TREND).then().statusCode(400).body("detail", containsString("from"));
        given().when().get(TREND + "?from=2003-03-01&to=2003-03-02").then().statusCode(401);
    }

    private static JsonPath trend(String token, String from, String to) {
        return given().auth().oauth2(token).queryParams(Map.of("from", from, "to", to))
                .when().get(TREND).then().statusCode(200).extract().jsonPath();
    }
}
