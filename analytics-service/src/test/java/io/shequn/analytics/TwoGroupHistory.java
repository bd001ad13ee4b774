package io.shequn.analytics;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Two groups of one owner O, from Monday 3 March 2003 (day 0; no other test uses those days), for
 * the figures across groups. A joins both groups on day 0, B joins G1 on day 0, C joins G2 on
 * day 1 and leaves it on day 20.
 * <pre>
 * day  0     1  2  3  5  10 30 40
 * A    m1 m2       c1    m2
 * B          m1 m1                m1
 * C                   c2
 * </pre>
 * (m = message, c = check-in, 1/2 = the group.) Purchases (CNY): A 10,000 on day 3 naming G1; C
 * 7,000 on day 5 an hour after their check-in (last touch: G2); B 5,000 on day 30, with no activity
 * in the 7 days before (unattributed). Published once per test JVM.
 */
public final class TwoGroupHistory {

    public static final LocalDate START = LocalDate.of(2003, 3, 3);
    private static TwoGroupHistory published;

    public final UUID owner = UUID.randomUUID();
    public final UUID g1 = UUID.randomUUID();
    public final UUID g2 = UUID.randomUUID();
    public final UUID a = UUID.randomUUID();
    public final UUID b = UUID.randomUUID();
    public final UUID c = UUID.randomUUID();
    public final UUID orderA = UUID.randomUUID();
    public final UUID orderB = UUID.randomUUID();
    public final UUID orderC = UUID.randomUUID();

    private TwoGroupHistory() {
    }

    /** The history, published and ingested (once per JVM). */
    public static synchronized TwoGroupHistory get() {
        if (published == null) {
            TwoGroupHistory history = new TwoGroupHistory();
            history.publish();
            history.awaitIngested();
            published = history;
        }
        return published;
    }

    public String day(int offset) {
        return START.plusDays(offset).toString();
    }

    private void publish() {
        try (Scenario s = new Scenario(START)) {
            s.groupCreated(g1, owner, "Hiking 徒步");
            s.groupCreated(g2, owner, "Reading 读书");
            s.joined(g1, owner, 0, "OWNER", null);
            s.joined(g2, owner, 0, "OWNER", null);
            s.joined(g1, a, 0, "MEMBER", null);
            s.joined(g2, a, 0, "MEMBER", null);
            s.joined(g1, b, 0, "MEMBER", null);
            s.joined(g2, c, 1, "MEMBER", a);
            s.left(g2, c, 20);
            s.message(g1, a, 0, UUID.randomUUID(), null);
            s.message(g2, a, 0, UUID.randomUUID(), null);
            s.message(g1, b, 1, UUID.randomUUID(), null);
            s.message(g1, b, 2, UUID.randomUUID(), null);
            s.checkedIn(g1, a, 3);
            s.checkedIn(g2, c, 5);
            s.message(g2, a, 10, UUID.randomUUID(), null);
            s.message(g1, b, 40, UUID.randomUUID(), null);
            s.purchase(orderA, a, 3, 1, 10_000, g1);
            s.purchase(orderC, c, 5, 1, 7_000, null);
            s.purchase(orderB, b, 30, 0, 5_000, null);
        }
    }

    private void awaitIngested() {
        // ignoreExceptions: a figure not there yet reads null, which getLong unboxes into a NullPointerException.
        await().atMost(Duration.ofSeconds(60)).ignoreExceptions().untilAsserted(() -> {
            var trend = given().auth().oauth2(Scenario.member(owner)).queryParams(Map.of("from", day(0), "to", day(40)))
                    .when().get("/api/v1/analytics/overview/trend").then().statusCode(200).extract().jsonPath();
            assertThat(trend.getLong("days.messages.sum()")).isEqualTo(6);
            assertThat(trend.getLong("days.checkIns.sum()")).isEqualTo(2);
            assertThat(trend.getLong("days.joins.sum()")).isEqualTo(6);
            assertThat(trend.getLong("days.leaves.sum()")).isEqualTo(1);
            assertThat(trend.getLong("gmv[0].amount")).isEqualTo(17_000);
            var b = Scenario.get("/api/v1/analytics/members/" + this.b, Map.of());
            assertThat(b.getLong("purchases[0].amount")).isEqualTo(5_000);
        });
    }
}
