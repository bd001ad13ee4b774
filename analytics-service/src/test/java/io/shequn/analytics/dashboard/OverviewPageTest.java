package io.shequn.analytics.dashboard;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shequn.analytics.Scenario;
import io.shequn.analytics.health.HealthSweep;
import jakarta.inject.Inject;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.net.URL;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static io.shequn.analytics.dashboard.Shown.count;
import static io.shequn.analytics.dashboard.Shown.digits;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** The Overview in headless Chromium against {@link DashboardData}: every figure shown is the API's. */
@QuarkusTest
class OverviewPageTest {

    /** Groups on one page of the ranking (overview.js). */
    static final int RANKING_PAGE = 50;

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
    void anOwnerSeesTheirGroupsTotalsTrendsAndStageChangesAsTheApiGivesThem() {
        String token = Scenario.member(data.owner());
        browser.signInByLink(token, data.route("/"));
        assertThat(browser.page()).isEqualTo("overview");
        assertThat(browser.find("#who").getText()).isEqualTo("Member " + data.owner().toString().substring(0, 8));

        JsonPath trend = api(token, "/api/v1/analytics/overview/trend", data.window());
        assertThat(browser.text("kpi-groups")).isEqualTo(count(trend.getLong("groups"))).isEqualTo("6");
        assertThat(browser.text("kpi-members")).isEqualTo(count(trend.getLong("members")));
        assertThat(browser.text("kpi-active")).isEqualTo(count(trend.getLong("activeMembers")));
        assertThat(digits(browser.text("kpi-gmv"))).isEqualTo(trend.getLong("gmv[0].amount")).isPositive();
        assertEveryFigureOnOneLine();
        assertThat(browser.all("[data-test='kpi-registered']")).as("suite-wide figures are for operators").isEmpty();

        List<List<Object>> active = browser.series("overview-active");
        assertThat(longs(active.get(0))).isEqualTo(trend.getList("days.dau", Long.class));
        assertThat(longs(active.get(1))).isEqualTo(trend.getList("days.wau", Long.class));
        assertThat(longs(active.get(2))).isEqualTo(trend.getList("days.mau", Long.class));
        assertThat(browser.seriesNames("overview-active")).containsExactly("DAU", "WAU", "MAU");
        List<Object> gmv = browser.series("overview-gmv").get(0);
        List<Long> gmvPerDay = new ArrayList<>();
        for (int i = 0; i < trend.getList("days").size(); i++) {
            List<Long> amounts = trend.getList("days[" + i + "].gmv.amount", Long.class);
            gmvPerDay.add(amounts.isEmpty() ? 0 : amounts.get(0));
        }
        assertThat(gmv.stream().map(v -> Math.round(((Number) v).doubleValue() * 100)).toList()).isEqualTo(gmvPerDay);

        JsonPath ranking = api(token, "/api/v1/analytics/groups", Map.of("sort", "HEALTH", "day", data.to(), "currency", "CNY", "size", RANKING_PAGE));
        assertRankingShows(ranking);
        assertThat(browser.rows("ranking-row").stream().map(row -> row.get("group")))
                .containsExactlyInAnyOrderElementsOf(data.history.groups().stream().map(CommunityHistory.Group::name).toList());
        List<Long> scores = ranking.getList("items.score", Long.class);
        assertThat(scores).isSortedAccordingTo((a, b) -> Long.compare(b, a));

        JsonPath changes = api(token, "/api/v1/analytics/stage-changes", Map.of("from", data.from(), "to", data.to(), "size", 10));
        assertThat(changes.getLong("totalItems")).isPositive();
        List<Map<String, String>> rows = browser.rows("stage-change-row");
        assertThat(rows).hasSize(changes.getList("items").size());
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            String item = "items[" + i + "].";
            assertThat(row.get("data-group-id")).isEqualTo(changes.getString(item + "groupId"));
            assertThat(row.get("day")).isEqualTo(Shown.day(changes.getString(item + "assessedDay")));
            assertThat(row.get("stages")).isEqualTo(changes.getString(item + "previousStage") + "," + changes.getString(item + "stage"));
            assertThat(digits(row.get("score"))).isEqualTo(changes.getLong(item + "score"));
        }
        assertThat(browser.consoleErrors()).isEmpty();
        browser.screenshot("overview");
    }

    @Test
    void anOperatorSeesTheSuiteTotalsAndPagesThroughEveryGroup() {
        String token = Scenario.operator();
        atLeastGroups(OverviewPageTest.RANKING_PAGE + 1, token);
        browser.signInByLink(token, data.route("/"));
        JsonPath overview = api(token, "/api/v1/analytics/overview", Map.of());
        JsonPath trend = api(token, "/api/v1/analytics/overview/trend", data.window());
        assertThat(browser.text("kpi-registered")).isEqualTo(count(overview.getLong("totalMembers")));
        assertThat(browser.text("kpi-verified")).isEqualTo(count(overview.getLong("verifiedMembers")));
        assertThat(browser.text("kpi-groups")).isEqualTo(count(trend.getLong("groups")));
        assertThat(browser.text("kpi-members")).isEqualTo(count(trend.getLong("members")));
        assertThat(digits(browser.text("kpi-gmv"))).isEqualTo(trend.getLong("gmv[0].amount"));
        assertThat(browser.find("#who").getText()).isEqualTo("Operator");

        Map<String, Object> query = new HashMap<>(Map.of("sort", "HEALTH", "day", data.to(), "currency", "CNY", "size", RANKING_PAGE));
        JsonPath first = api(token, "/api/v1/analytics/groups", query);
        assertRankingShows(first);
        long total = first.getLong("totalItems");
        assertThat(total).isGreaterThan(RANKING_PAGE);    // every test's groups; the pager is shown
        assertThat(browser.find("[data-test='ranking'] [data-test='pager'] span").getText()).isEqualTo("1–" + RANKING_PAGE + " of " + count(total));
        String firstGroup = first.getString("items[0].groupId");
        browser.find("[data-test='ranking'] [data-test='pager'] button:last-of-type").click();
        awaitRanking(row -> !row.getAttribute("data-group-id").equals(firstGroup));
        query.put("page", 1);
        assertRankingShows(api(token, "/api/v1/analytics/groups", query));
        assertThat(browser.find("[data-test='ranking-row'] [data-col='rank']").getText()).isEqualTo(String.valueOf(RANKING_PAGE + 1));
        assertThat(browser.consoleErrors()).isEmpty();
    }

    @Test
    void theRankingSortsByGmvAndActivityAsTheApiDoes() {
        String token = Scenario.member(data.owner());
        browser.signInByLink(token, data.route("/"));
        for (String sort : List.of("GMV", "ACTIVITY")) {
            JsonPath ranking = api(token, "/api/v1/analytics/groups", Map.of("sort", sort, "day", data.to(), "currency", "CNY", "size", RANKING_PAGE));
            new Select(browser.test("ranking-sort")).selectByValue(sort);
            String top = ranking.getString("items[0].groupId");
            String second = ranking.getString("items[1].groupId");
            new WebDriverWait(browser.driver, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class).until(d -> {
                List<WebElement> rows = browser.all("[data-test='ranking'] .body[data-state='ready'] [data-test='ranking-row']");
                return rows.size() > 1 && rows.get(0).getAttribute("data-group-id").equals(top) && rows.get(1).getAttribute("data-group-id").equals(second);
            });
            assertRankingShows(ranking);
        }
    }

    @Test
    void labelsDatesAndStagesSwitchToChinese() {
        String token = Scenario.member(data.owner());
        browser.signInByLink(token, data.route("/"));
        browser.click(browser.find("#lang"));
        assertThat(browser.find(".brand").getText()).isEqualTo("社群数据看板");
        assertThat(browser.find("[data-test='ranking'] h2").getText()).isEqualTo("群组健康排行");
        assertThat(browser.find("[data-test='chart-active'] h2").getText()).isEqualTo("活跃成员");
        assertThat(browser.find("#lang").getText()).isEqualTo("English");
        assertThat(browser.find("[data-test='kpi-members'] + .note").getText()).isEqualTo(Shown.dayZh(data.to()));
        assertThat(browser.seriesNames("overview-active")).containsExactly("日活", "周活", "月活");
        Map<String, String> zh = Map.of("NEW", "新建", "GROWING", "成长", "ACTIVE", "活跃", "DECLINING", "衰退", "DORMANT", "沉寂");
        for (WebElement badge : browser.all("[data-test='ranking-row'] [data-stage]")) {
            assertThat(badge.getText()).isEqualTo(zh.get(badge.getAttribute("data-stage")));
        }
        JsonPath trend = api(token, "/api/v1/analytics/overview/trend", data.window());
        assertThat(browser.text("kpi-active")).isEqualTo(count(trend.getLong("activeMembers")));   // zh-CN groups digits as en-US does
        browser.screenshot("overview-zh");
        browser.click(browser.find("#lang"));
        assertThat(browser.find(".brand").getText()).isEqualTo("Shequn dashboard");
    }

    @Test
    void atAPhonesWidthNothingOverflowsThePage() {
        try {
            browser.resize(Browser.PHONE);
            browser.signInByLink(Scenario.member(data.owner()), data.route("/"));
            long viewport = ((Number) browser.script("return window.innerWidth;")).longValue();
            assertThat(((Number) browser.script("return document.documentElement.scrollWidth;")).longValue()).isLessThanOrEqualTo(viewport);
            for (WebElement chart : browser.all("[data-chart]")) {
                assertThat(chart.getRect().getX() + chart.getRect().getWidth()).isLessThanOrEqualTo((int) viewport);
                assertThat(chart.getRect().getWidth()).isGreaterThan(200);
            }
            assertEveryFigureOnOneLine();
            browser.screenshot("overview-phone");
        } finally {
            browser.resize(Browser.DESKTOP);
        }
    }

    @Test
    void aMemberWhoManagesNoGroupSeesEmptyStatesNotErrors() {
        browser.signInByLink(Scenario.member(UUID.randomUUID()), data.route("/"));
        assertThat(browser.text("kpi-groups")).isEqualTo("0");
        assertThat(browser.find("[data-test='ranking'] [data-test='state-empty']").getText()).startsWith("No groups to show.");
        assertThat(browser.find("[data-test='chart-active'] [data-test='state-empty']").getText()).isEqualTo("No activity in this period.");
        assertThat(browser.find("[data-test='chart-gmv'] [data-test='state-empty']").getText()).isEqualTo("No purchases in this period.");
        assertThat(browser.find("[data-test='stage-changes'] [data-test='state-empty']").getText()).isEqualTo("No group changed stage in this period.");
        assertThat(browser.all("[data-test='state-error']")).isEmpty();
        assertThat(browser.consoleErrors()).isEmpty();
        browser.screenshot("overview-empty");
    }

    /** Every test's groups are the operator's; when fewer than a page of them exist yet, nameless ones are added. */
    /** A tile's figure (an amount like CN¥6,852.60) is read as one: it never breaks across lines. */
    private void assertEveryFigureOnOneLine() {
        List<?> lines = (List<?>) browser.script("""
                return [...document.querySelectorAll('.kpi .value')].map(value => {
                  const range = document.createRange();
                  range.selectNodeContents(value);
                  return new Set([...range.getClientRects()].map(line => Math.round(line.top))).size;
                });""");
        assertThat(lines).isNotEmpty().allSatisfy(count -> assertThat(((Number) count).intValue()).isEqualTo(1));
    }

    private void atLeastGroups(int wanted, String token) {
        long total = api(token, "/api/v1/analytics/groups", Map.of("size", 1)).getLong("totalItems");
        if (total >= wanted) {
            return;
        }
        try (Scenario s = new Scenario(LocalDate.now(ZoneOffset.UTC))) {
            for (long i = total; i < wanted; i++) {
                s.groupCreated(UUID.randomUUID(), UUID.randomUUID());
            }
        }
        await().atMost(Duration.ofSeconds(30)).until(() -> api(token, "/api/v1/analytics/groups", Map.of("size", 1)).getLong("totalItems") >= wanted);
    }

    private void assertRankingShows(JsonPath ranking) {
        List<Map<String, String>> rows = browser.rows("ranking-row");
        assertThat(rows).hasSize(ranking.getList("items").size());
        for (int i = 0; i < rows.size(); i++) {
            Map<String, String> row = rows.get(i);
            String item = "items[" + i + "].";
            assertThat(row.get("data-group-id")).isEqualTo(ranking.getString(item + "groupId"));
            String name = ranking.getString(item + "name");
            assertThat(row.get("group")).isEqualTo(name != null ? name : "Group " + ranking.getString(item + "groupId").substring(0, 8));
            String stage = ranking.getString(item + "stage");
            assertThat(row.get("stages")).isEqualTo(stage == null ? "" : stage);
            Long score = ranking.getObject(item + "score", Long.class);
            assertThat(row.get("score")).isEqualTo(score == null ? "—" : count(score));
            assertThat(row.get("wau")).isEqualTo(count(ranking.getLong(item + "wau")));
            assertThat(digits(row.get("gmv"))).isEqualTo(ranking.getLong(item + "gmv30Days"));
        }
    }

    /** Until the ranking has reloaded and its first row satisfies the condition (after a click that reloads it). */
    private void awaitRanking(Predicate<WebElement> firstRow) {
        new WebDriverWait(browser.driver, Duration.ofSeconds(10)).ignoring(StaleElementReferenceException.class).until(d -> {
            List<WebElement> rows = browser.all("[data-test='ranking'] .body[data-state='ready'] [data-test='ranking-row']");
            return !rows.isEmpty() && firstRow.test(rows.get(0));
        });
    }

    static List<Long> longs(List<Object> values) {
        return values.stream().map(v -> ((Number) v).longValue()).toList();
    }

    static JsonPath api(String token, String path, Map<String, ?> query) {
        return given().auth().oauth2(token).queryParams(query).when().get(path).then().statusCode(200).extract().jsonPath();
    }
}
