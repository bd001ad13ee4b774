package io.shequn.analytics.dashboard;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shequn.analytics.Scenario;
import io.shequn.analytics.health.HealthSweep;
import io.shequn.localstack.KafkaTestClient;
import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.net.URL;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

import static io.shequn.analytics.dashboard.OverviewPageTest.api;
import static io.shequn.analytics.dashboard.OverviewPageTest.longs;
import static io.shequn.analytics.dashboard.Shown.count;
import static io.shequn.analytics.dashboard.Shown.digits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The Group and Member pages in headless Chromium against {@link DashboardData}, reached by clicking, as an operator would. */
@QuarkusTest
class GroupPageTest {

    private static final List<String> METRICS = List.of("DAU", "MESSAGES", "CHECK_INS", "JOINS", "LEAVES");

    @Inject
    HealthSweep sweep;

    @TestHTTPResource("/dashboard/")
    URL dashboard;

    private Browser browser;
    private DashboardData data;

    @BeforeEach
    void setUp() {
        browser = Browser.get(dashboard);
        data = DashboardData.get(sweep);
    }

    @Test
    void everyFigureOfAGroupIsTheApis() {
        String token = Scenario.member(data.owner());
        CommunityHistory.Group hiking = data.history.groups().get(0);
        browser.signInByLink(token, data.route("/groups/" + hiking.id()));
        assertThat(browser.page()).isEqualTo("group");
        assertGroupPageShows(token, hiking.id().toString());
        assertThat(browser.text("group-title")).startsWith(hiking.name());
        assertThat(browser.consoleErrors()).isEmpty();
        browser.screenshot("group");
    }

    @Test
    void anOperatorClicksFromTheOverviewToTheLiveliestGroupAndOnToItsTopKol() {
        String token = Scenario.operator();
        browser.signInByLink(token, data.route("/"));
        JsonPath ranking = api(token, "/api/v1/analytics/groups", Map.of("sort", "ACTIVITY", "day", data.to(), "currency", "CNY", "size", OverviewPageTest.RANKING_PAGE));
        String liveliest = ranking.getString("items[0].groupId");
        new Select(browser.test("ranking-sort")).selectByValue("ACTIVITY");
        new WebDriverWait(browser.driver, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class).until(d -> {
            List<WebElement> rows = browser.all("[data-test='ranking'] .body[data-state='ready'] [data-test='ranking-row']");
            return !rows.isEmpty() && rows.get(0).getAttribute("data-group-id").equals(liveliest);
        });
        browser.click(browser.find("[data-test='ranking-row'] [data-col='group'] a"));
        assertThat(browser.page()).isEqualTo("group");
        assertThat(browser.driver.getCurrentUrl()).contains("#/groups/" + liveliest + "?from=" + data.from() + "&to=" + data.to());
        assertThat(data.history.groups().stream().map(g -> g.id().toString())).contains(liveliest);
        assertGroupPageShows(token, liveliest);

        String kol = browser.find("[data-test='kol-row']").getAttribute("data-member-id");
        browser.click(browser.find("[data-test='kol-row'] [data-col='member'] a"));
        assertThat(browser.page()).isEqualTo("member");
        assertMemberPageShows(token, kol);
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void aMembersGroupsActivityAndPurchasesAreTheApis() {
        String token = Scenario.operator();
        String buyer = data.history.buyers().get(0).toString();
        browser.signInByLink(token, data.route("/members/" + buyer));
        assertMemberPageShows(token, buyer);
        assertThat(browser.all("[data-test='purchase-row']")).isNotEmpty();
        // From the member's page back to one of their groups.
        String group = browser.find("[data-test='member-group-row']").getAttribute("data-group-id");
        browser.click(browser.find("[data-test='member-group-row'] [data-col='group'] a"));
        assertThat(browser.page()).isEqualTo("group");
        assertThat(browser.driver.getCurrentUrl()).contains("#/groups/" + group);
        browser.go(data.route("/members/" + buyer));
        assertThat(browser.consoleErrors()).isEmpty();
        browser.screenshot("member");
    }

    @Test
    void aGroupWithoutDataShowsEmptyStatesAndNoError() {
        UUID quiet = UUID.randomUUID();
        String name = "Quiet " + quiet.toString().substring(0, 8);
        try (KafkaTestClient kafka = new KafkaTestClient(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class))) {
            kafka.sendAll(List.of(CommunityHistory.groupCreated(quiet, name, UUID.randomUUID(), Instant.now())));
        }
        String token = Scenario.operator();
        JsonPath summary = await().atMost(Duration.ofSeconds(60)).ignoreExceptions().until(
                () -> api(token, "/api/v1/analytics/groups/" + quiet + "/summary", Map.of("day", data.to())), s -> name.equals(s.getString("name")));
        browser.signInByLink(token, data.route("/groups/" + quiet));
        assertThat(browser.page()).isEqualTo("group");
        assertThat(browser.text("group-title")).startsWith(name);
        assertThat(browser.find("[data-test='group-title'] .badge").getAttribute("data-stage")).isEqualTo(Objects.toString(summary.getString("health.stage"), ""));
        assertThat(browser.text("kpi-members")).isEqualTo("0");
        assertThat(browser.text("kpi-last-active")).isEqualTo("—");
        assertThat(browser.text("kpi-revenue30")).isEqualTo("—");
        for (String card : List.of("chart-activity", "chart-stickiness", "chart-funnel", "chart-retention", "chart-lifecycle", "kols", "campaigns", "silent")) {
            assertThat(browser.find("[data-test='" + card + "'] .body").getAttribute("data-state")).as(card).isEqualTo("empty");
        }
        assertThat(browser.text("kpi-k-factor")).isEqualTo("0");
        assertThat(browser.all("[data-test='state-error']")).isEmpty();
        assertThat(browser.consoleErrors()).isEmpty();
        browser.screenshot("group-empty");
    }

    @Test
    void aGroupAnalyticsHasNeverSeenIsSaidOnceInEnglishAndChineseInsteadOfFailingCards() {
        UUID unknown = UUID.randomUUID();
        browser.signInByLink(Scenario.operator(), data.route("/groups/" + unknown));
        assertThat(browser.page()).isEqualTo("group");
        assertThat(browser.text("group-unknown")).isEqualTo("Analytics has seen no event about group " + unknown + " yet. Its figures appear "
                + "once an event names it: its creation, a join, a message, a purchase or a campaign.");
        assertThat(browser.all("[data-test='state-error']")).isEmpty();
        assertThat(browser.all("[data-test='chart-activity']")).as("no card is shown, nor asked for").isEmpty();
        browser.click(browser.find("#lang"));
        assertThat(browser.text("group-unknown")).isEqualTo("分析服务尚未收到关于群组 " + unknown + " 的任何事件。创建、加入、发言、购买或活动等事件提到该群组后，这里才会显示数据。");
        assertThat(browser.all("[data-test='state-error']")).isEmpty();
        browser.screenshot("group-unknown-zh");
        browser.click(browser.find("#lang"));
        // The only failed requests (Chromium logs each) are the summary's 404s: no card asked for anything.
        assertThat(browser.consoleErrors()).allMatch(error -> error.contains("/summary") && error.contains("404"));
    }

    private void assertGroupPageShows(String token, String group) {
        String base = "/api/v1/analytics/groups/" + group;
        Map<String, String> window = data.window();
        JsonPath summary = api(token, base + "/summary", Map.of("day", data.to()));
        assertThat(browser.find("[data-test='group-title'] [data-stage]").getAttribute("data-stage")).isEqualTo(summary.getString("health.stage"));
        assertThat(browser.text("kpi-members")).isEqualTo(count(summary.getLong("members")));
        assertThat(browser.text("kpi-dau")).isEqualTo(count(summary.getLong("dau")));
        assertThat(browser.text("kpi-wau")).isEqualTo(count(summary.getLong("wau")));
        assertThat(browser.text("kpi-mau")).isEqualTo(count(summary.getLong("mau")));
        assertThat(browser.text("kpi-stickiness")).isEqualTo(Shown.percent(summary.getDouble("stickiness")));
        assertThat(browser.text("kpi-silent")).isEqualTo(count(summary.getLong("silentMembers")));
        assertThat(browser.text("kpi-last-active")).isEqualTo(Shown.day(summary.getString("lastActiveDay")));
        assertThat(digits(browser.text("kpi-revenue30"))).isEqualTo(summary.getList("revenue30Days").isEmpty() ? -1 : summary.getLong("revenue30Days[0].amount"));

        List<List<Object>> activity = browser.series("group-activity");
        for (int i = 0; i < METRICS.size(); i++) {
            JsonPath points = api(token, base + "/timeseries", Map.of("metric", METRICS.get(i), "from", data.from(), "to", data.to()));
            assertThat(longs(activity.get(i))).as(METRICS.get(i)).isEqualTo(points.getList("value", Long.class));
        }
        assertThat(((Number) ((Map<?, ?>) browser.series("group-stickiness").get(0).get(0)).get("value")).doubleValue())
                .isEqualTo(summary.getDouble("stickiness"));

        JsonPath funnel = api(token, base + "/funnel", window);
        assertThat(browser.series("group-funnel").get(0).stream().map(step -> ((Number) ((Map<?, ?>) step).get("value")).longValue()).toList())
                .containsExactly(funnel.getLong("joined"), funnel.getLong("activated"), funnel.getLong("retained"),
                        funnel.getLong("converted"), funnel.getLong("referred"));

        JsonPath retention = api(token, base + "/retention", window);
        List<List<Double>> cells = new ArrayList<>();
        for (int row = 0; row < retention.getList("cohorts").size(); row++) {
            if (retention.getInt("cohorts[" + row + "].size") > 0) {
                List<Double> shares = retention.getList("cohorts[" + row + "].retention", Double.class);
                for (int k = 0; k < shares.size(); k++) {
                    cells.add(List.of((double) k, (double) row, shares.get(k)));
                }
            }
        }
        assertThat(browser.series("group-retention").get(0).stream()
                .map(cell -> ((List<?>) cell).stream().map(v -> ((Number) v).doubleValue()).toList()).toList()).isEqualTo(cells);

        JsonPath lifecycle = api(token, base + "/lifecycle", window);
        List<List<Object>> weeks = browser.series("group-lifecycle");
        assertThat(longs(weeks.get(0))).isEqualTo(lifecycle.getList("weeks.newMembers", Long.class));
        assertThat(longs(weeks.get(1))).isEqualTo(lifecycle.getList("weeks.returning", Long.class));
        assertThat(longs(weeks.get(2))).isEqualTo(lifecycle.getList("weeks.resurrecting", Long.class));
        assertThat(longs(weeks.get(3))).isEqualTo(lifecycle.getList("weeks.dormant", Long.class).stream().map(d -> -d).toList());

        JsonPath revenue = api(token, base + "/revenue", window);
        assertThat(digits(browser.text("kpi-gmv"))).isEqualTo(revenue.getList("gmv").isEmpty() ? -1 : revenue.getLong("gmv[0].amount"));
        assertThat(browser.text("kpi-buyers")).isEqualTo(count(revenue.getLong("buyers")));
        assertThat(browser.text("kpi-conversion")).isEqualTo(Shown.percent(revenue.getDouble("conversionRate")));
        assertThat(digits(browser.text("kpi-arpu"))).isEqualTo(revenue.getList("arpu").isEmpty() ? -1 : revenue.getLong("arpu[0].amount"));

        JsonPath referrals = api(token, base + "/referrals", window);
        assertThat(browser.text("kpi-k-factor")).isEqualTo(decimal(referrals.getDouble("kFactor")));
        assertThat(browser.text("kpi-invited-joins")).isEqualTo(count(referrals.getLong("invitedJoins")));
        List<Map<String, String>> inviters = browser.rows("inviter-row");
        assertThat(inviters.stream().map(r -> r.get("data-member-id")).toList()).isEqualTo(referrals.getList("inviters.memberId", String.class));
        for (int i = 0; i < inviters.size(); i++) {
            assertThat(inviters.get(i).get("invited")).isEqualTo(count(referrals.getLong("inviters[" + i + "].invited")));
        }

        JsonPath kols = api(token, base + "/kols", Map.of("from", data.from(), "to", data.to(), "limit", 20));
        List<Map<String, String>> kolRows = browser.rows("kol-row");
        assertThat(kolRows.stream().map(r -> r.get("data-member-id")).toList()).isEqualTo(kols.getList("memberId", String.class)).isNotEmpty();
        for (int i = 0; i < kolRows.size(); i++) {
            String item = "[" + i + "].";
            Map<String, String> row = kolRows.get(i);
            assertThat(row.get("score")).isEqualTo(count(kols.getLong(item + "score")));
            assertThat(row.get("messages")).isEqualTo(count(kols.getLong(item + "messages")));
            assertThat(row.get("replies")).isEqualTo(count(kols.getLong(item + "repliesReceived")));
            assertThat(row.get("repliers")).isEqualTo(count(kols.getLong(item + "distinctRepliers")));
            assertThat(row.get("referred-members")).isEqualTo(count(kols.getLong(item + "referredMembers")));
            assertThat(row.get("referred-purchases")).isEqualTo(count(kols.getLong(item + "referredPurchases")));
        }

        JsonPath campaigns = api(token, base + "/campaigns", Map.of("from", data.from(), "to", data.to(), "page", 0, "size", 20));
        List<Map<String, String>> campaignRows = browser.rows("campaign-row");
        assertThat(campaignRows.stream().map(r -> r.get("data-campaign-id")).toList())
                .isEqualTo(campaigns.getList("items.campaignId", String.class)).isNotEmpty();
        for (int i = 0; i < campaignRows.size(); i++) {
            String item = "items[" + i + "].";
            Map<String, String> row = campaignRows.get(i);
            assertThat(row.get("kind")).isEqualTo(Map.of("RED_PACKET", "Red packet", "LOTTERY", "Lottery draw", "ACTIVITY", "Activity")
                    .get(campaigns.getString(item + "kind")));
            assertThat(row.get("participants")).isEqualTo(count(campaigns.getLong(item + "participants")));
            assertThat(row.get("active")).isEqualTo(beforeAfter(campaigns, item, "activeMembers"));
            assertThat(row.get("messages")).isEqualTo(beforeAfter(campaigns, item, "messages"));
            assertThat(row.get("reactivated")).isEqualTo(count(campaigns.getLong(item + "reactivated")));
            assertThat(row.get("active-again")).isEqualTo(count(campaigns.getLong(item + "reactivatedActiveAgain")));
        }

        JsonPath silent = api(token, base + "/members/silent", Map.of("day", data.to(), "size", 20));
        List<Map<String, String>> silentRows = browser.rows("silent-row");
        assertThat(silentRows.stream().map(r -> r.get("data-member-id")).toList()).isEqualTo(silent.getList("items.memberId", String.class));
        for (int i = 0; i < silentRows.size(); i++) {
            String last = silent.getString("items[" + i + "].lastActiveDay");
            assertThat(silentRows.get(i).get("last-active")).isEqualTo(last == null ? "Never" : Shown.day(last));
        }
    }

    private void assertMemberPageShows(String token, String member) {
        String base = "/api/v1/analytics/members/" + member;
        JsonPath view = api(token, base, Map.of());
        assertThat(browser.text("member-title")).isEqualTo("Member " + member.substring(0, 8));
        assertThat(browser.text("kpi-groups")).isEqualTo(count(view.getList("groups.current", Boolean.class).stream().filter(b -> b).count()));
        assertThat(digits(browser.text("kpi-purchases"))).isEqualTo(view.getList("purchases").isEmpty() ? -1 : view.getLong("purchases[0].amount"));
        assertThat(browser.text("kpi-invited")).isEqualTo(count(view.getLong("invitedMembers")));
        List<Map<String, String>> groups = browser.rows("member-group-row");
        assertThat(groups.stream().map(r -> r.get("data-group-id")).toList()).isEqualTo(view.getList("groups.groupId", String.class));
        for (int i = 0; i < groups.size(); i++) {
            String lastActive = view.getString("groups[" + i + "].lastActiveDay");
            assertThat(groups.get(i).get("group")).isEqualTo(view.getString("groups[" + i + "].groupName"));
            assertThat(groups.get(i).get("last-active")).isEqualTo(lastActive == null ? "—" : Shown.day(lastActive));
            assertThat(groups.get(i).get("invited")).isEqualTo(count(view.getLong("groups[" + i + "].invitedMembers")));
        }
        JsonPath activity = api(token, base + "/activity", data.window());
        if (browser.hasChart("member-messages")) {
            assertThat(longs(browser.series("member-messages").get(0))).isEqualTo(activity.getList("days.messages", Long.class));
        } else {
            assertThat(activity.getList("days.messages", Long.class)).containsOnly(0L);
        }
        long activeDays = activity.getList("days.groups", List.class).stream().mapToLong(List::size).sum();
        assertThat(browser.hasChart("member-activity") ? browser.series("member-activity").get(0).size() : 0L).isEqualTo(activeDays);
        JsonPath purchases = api(token, base + "/purchases", Map.of("size", 20));
        List<Map<String, String>> rows = browser.rows("purchase-row");
        assertThat(rows.stream().map(r -> r.get("data-order-id")).toList()).isEqualTo(purchases.getList("items.orderId", String.class));
        for (int i = 0; i < rows.size(); i++) {
            assertThat(digits(rows.get(i).get("amount"))).isEqualTo(purchases.getLong("items[" + i + "].amount"));
            String rule = purchases.getString("items[" + i + "].rule");
            assertThat(rows.get(i).get("rule")).isEqualTo(Map.of("NAMED", "Named by the shop", "LAST_TOUCH", "Last touch (7 days)",
                    "UNATTRIBUTED", "Unattributed").get(rule));
        }
    }

    /** "12 → 15 (+3)", as the campaign table shows the 24 h before and after. */
    private static String beforeAfter(JsonPath campaigns, String item, String figure) {
        long change = campaigns.getLong(item + "change." + figure);
        return count(campaigns.getLong(item + "before." + figure)) + " → " + count(campaigns.getLong(item + "after." + figure))
                + " (" + (change > 0 ? "+" : "") + count(change) + ")";
    }

    private static String decimal(double value) {
        DecimalFormat format = new DecimalFormat("#,##0.####", DecimalFormatSymbols.getInstance(Locale.US));
        format.setRoundingMode(RoundingMode.HALF_UP);
        return format.format(new BigDecimal(Double.toString(value)));
    }
}
