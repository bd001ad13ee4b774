package io.shequn.analytics;

import io.restassured.path.json.JsonPath;

import java.time.Duration;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * One group's five weeks, from Monday 1 June 2026 (day 0), with figures worked out by hand in
 * docs/analytics.md's terms. Members: A the owner; B, C and G join on day 0; D (day 8) and E
 * (day 9) on A's invitation, F (day 15) on B's; E leaves on day 20; G never says a word.
 * <pre>
 * day  0 1 2 3 . . . 7 8 9 10 . 12 . 14 15 16 17 . . 20 21 22 23 24 . . . 28 29 30
 * A    m m m m       m m          m  m           m  m           m  m
 * B    m c                 m    m              c                         m
 * C    m                                                            m
 * D                      c m            m  m
 * E                        m
 * F                                 m  m           m  m
 * </pre>
 * Replies: B (day 10) and D (day 9) answer A's day-8 message, F (day 16) A's day-15 message (sent
 * before it), A (day 22) F's day-16 message. Purchases (CNY): E 5,000 on day 9 three hours after
 * their message (sent before the message: credited late, by last touch); D 8,000 on day 18 (last
 * touch day 17); F 10,000 on day 25 naming the group (sent twice); B 5,000 on day 31 (last touch
 * day 30); H, never active anywhere, 3,000 on day 20 (unattributed). A's day-1 message arrives
 * last; A's day-2 message is delivered twice and A's day-3 message resent by a bridge under a new
 * event id.
 */
public final class FiveWeekGroup {

    public static final LocalDate START = LocalDate.of(2026, 6, 1);

    public final UUID group = UUID.randomUUID();
    public final UUID a = UUID.randomUUID();
    public final UUID b = UUID.randomUUID();
    public final UUID c = UUID.randomUUID();
    public final UUID d = UUID.randomUUID();
    public final UUID e = UUID.randomUUID();
    public final UUID f = UUID.randomUUID();
    public final UUID g = UUID.randomUUID();
    public final UUID h = UUID.randomUUID();

    private final Scenario s;
    private boolean published;

    /** The history as it happened, topics interleaved. */
    public FiveWeekGroup() {
        this(false);
    }

    /** @param topicsShuffled publish it one topic after another, in a random order (see {@link Scenario#releaseTopicsShuffled}) */
    public FiveWeekGroup(boolean topicsShuffled) {
        s = topicsShuffled ? Scenario.holdingEvents(START) : new Scenario(START);
    }

    public String day(int offset) {
        return s.day(offset).toString();
    }

    public void publish() {
        s.groupCreated(group, a);
        s.joined(group, a, 0, "OWNER", null);
        s.joined(group, b, 0, "MEMBER", null);
        s.joined(group, c, 0, "MEMBER", null);
        s.joined(group, g, 0, "MEMBER", null);
        s.joined(group, d, 8, "MEMBER", a);
        s.joined(group, e, 9, "MEMBER", a);
        s.joined(group, f, 15, "MEMBER", b);
        s.left(group, e, 20);

        // E buys before their message of that morning is consumed: unattributed first, the group's later.
        s.purchase(UUID.randomUUID(), e, 9, 3, 5_000, null);
        if (!s.holding()) {
            await().atMost(Duration.ofSeconds(30)).until(() -> memberPurchases(e) == 1);
        }

        UUID a8 = UUID.randomUUID();
        UUID a15 = UUID.randomUUID();
        UUID f16 = UUID.randomUUID();
        for (int day : new int[] {0, 7, 8, 14, 21, 28, 29}) {
            s.message(group, a, day, day == 8 ? a8 : UUID.randomUUID(), null);
        }
        UUID a2 = UUID.randomUUID();
        String a2Event = s.message(group, a, 2, a2, null);
        s.sendWithId(a2Event, "message-posted", group, s.at(2), s.messageData(group, a, 2, a2, null));   // delivered twice
        UUID a3 = UUID.randomUUID();
        s.message(group, a, 3, a3, null);
        s.message(group, a, 3, a3, null);                      // a bridge resends it: new event id, same message
        s.message(group, f, 16, f16, a15);                     // a reply consumed before the message it answers
        s.message(group, a, 15, a15, null);
        s.message(group, a, 22, UUID.randomUUID(), f16);
        s.message(group, b, 0, UUID.randomUUID(), null);
        s.checkedIn(group, b, 1);
        s.message(group, b, 10, UUID.randomUUID(), a8);
        s.message(group, b, 12, UUID.randomUUID(), null);
        s.checkedIn(group, b, 20);
        s.message(group, b, 30, UUID.randomUUID(), null);
        s.message(group, c, 0, UUID.randomUUID(), null);
        s.message(group, c, 29, UUID.randomUUID(), null);
        s.checkedIn(group, d, 8);
        s.message(group, d, 9, UUID.randomUUID(), a8);
        s.message(group, d, 16, UUID.randomUUID(), null);
        s.message(group, d, 17, UUID.randomUUID(), null);
        s.message(group, e, 9, UUID.randomUUID(), null);
        s.message(group, f, 15, UUID.randomUUID(), null);
        s.message(group, f, 23, UUID.randomUUID(), null);
        s.message(group, f, 24, UUID.randomUUID(), null);

        UUID fOrder = UUID.randomUUID();
        s.purchase(UUID.randomUUID(), d, 18, 1, 8_000, null);
        s.purchase(fOrder, f, 25, 0, 10_000, group);
        s.purchase(fOrder, f, 25, 0, 10_000, group);            // the shop sends the order again
        s.purchase(UUID.randomUUID(), b, 31, 1, 5_000, null);
        s.purchase(UUID.randomUUID(), h, 20, 0, 3_000, null);

        s.message(group, a, 1, UUID.randomUUID(), null);       // late: five weeks after its day
        if (s.holding()) {
            s.releaseTopicsShuffled(Long.getLong("scenario.seed", System.nanoTime()));
        }
    }

    /** Publishes the history and waits until it is ingested, once however often it is called. */
    public synchronized void publishOnce() {
        if (!published) {
            publish();
            awaitIngested();
            published = true;
        }
    }

    /** Waits until every event above is reflected: the late day-1 message and the last purchases. */
    public void awaitIngested() {
        await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
            JsonPath summary = Scenario.get("/api/v1/analytics/groups/" + group + "/summary", Map.of("day", day(1)));
            assertThat(summary.getLong("dau")).isEqualTo(2);
            JsonPath revenue = Scenario.get("/api/v1/analytics/groups/" + group + "/revenue", Map.of("from", day(0), "to", day(34)));
            assertThat(revenue.getLong("gmv[0].amount")).isEqualTo(28_000);
            assertThat(memberPurchases(h)).isEqualTo(1);
        });
    }

    /** Every answer the API gives about the group, as raw JSON, for comparing before and after a rebuild. */
    public Map<String, String> answers() {
        String base = "/api/v1/analytics/groups/" + group;
        Map<String, Map<String, ?>> queries = new LinkedHashMap<>();
        Map<String, String> window = Map.of("from", day(0), "to", day(34));
        queries.put(base + "/summary", Map.of("day", day(30)));
        queries.put(base + "/timeseries", Map.of("metric", "DAU", "from", day(0), "to", day(34)));
        queries.put(base + "/retention", window);
        queries.put(base + "/lifecycle", window);
        queries.put(base + "/funnel", window);
        queries.put(base + "/revenue", window);
        queries.put(base + "/referrals", window);
        queries.put(base + "/kols", window);
        queries.put(base + "/members/silent", Map.of("day", day(30)));
        Map<String, String> answers = new LinkedHashMap<>();
        queries.forEach((path, query) -> answers.put(path + query, Scenario.getRaw(path, query)));
        for (UUID member : new UUID[] {a, b, e, f, h}) {
            answers.put("/api/v1/analytics/members/" + member, Scenario.getRaw("/api/v1/analytics/members/" + member, Map.of()));
        }
        return answers;
    }

    private static int memberPurchases(UUID member) {
        return given().auth().oauth2(Scenario.operator()).when().get("/api/v1/analytics/members/" + member)
                .then().extract().statusCode() == 200
                ? Scenario.get("/api/v1/analytics/members/" + member, Map.of()).getList("purchases").size() : 0;
    }

    public Scenario scenario() {
        return s;
    }
}
