package io.shequn.analytics.dashboard;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.shequn.analytics.Scenario;
import io.shequn.analytics.health.HealthSweep;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not part of the normal build (the name does not end in Test). How long the Overview takes to
 * render in headless Chromium for {@code benchmark.groups} groups (default 100) with 60 days of
 * {@link CommunityHistory} (20 to 40 members each, about 70,000 events), as an operator sees it:
 * from the start of navigation (the link with the token) until every section shows its data, charts
 * drawn. After {@code benchmark.warmup} loads (default 3), {@code benchmark.loads} (default 15) are
 * timed with the browser cache on and as many with it off. The baseline, in the same run: the
 * Overview's four API calls made with fetch from a blank page of the same origin, in parallel as
 * the page makes them, without any rendering; the ratio says what the page adds to the API's time.
 * Prints the figures and the load average, and writes them to target/dashboard-benchmark.txt.
 *
 * <pre>./mvnw -B -o verify -pl analytics-service -Dtest=DashboardBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 *
 * (If the sibling modules cannot be resolved, first: {@code ./mvnw -B -o install -DskipTests -pl contracts,local-stack,platform -q}.)
 */
@QuarkusTest
class DashboardBenchmark {

    private static final int GROUPS = Integer.getInteger("benchmark.groups", 100);
    private static final int WARM_UP = Integer.getInteger("benchmark.warmup", 3);
    private static final int LOADS = Integer.getInteger("benchmark.loads", 15);
    private static final int DAYS = 60;

    @Inject
    HealthSweep sweep;

    @TestHTTPResource("/dashboard/")
    URL dashboard;

    private final List<String> report = new ArrayList<>();

    @Test
    void overviewRenderTime() throws Exception {
        Browser browser = Browser.get(dashboard);
        LocalDate start = LocalDate.now(ZoneOffset.UTC).minusDays(DAYS);
        CommunityHistory.Shape[] shapes = CommunityHistory.Shape.values();
        List<CommunityHistory.Group> groups = IntStream.range(0, GROUPS)
                .mapToObj(i -> new CommunityHistory.Group(UUID.randomUUID(), "Group %03d".formatted(i + 1), shapes[i % shapes.length],
                        shapes[i % shapes.length] == CommunityHistory.Shape.NEW ? DAYS - 8 : 0, 20 + (i * 7) % 21))
                .toList();
        long generating = System.nanoTime();
        CommunityHistory.History history = CommunityHistory.generate(7, start, DAYS, groups);
        print("Data: %d groups, %d days, %,d events (%,d messages, %,d check-ins, %,d joins, %,d orders)", GROUPS, DAYS, history.records().size(),
                history.messages(), history.checkIns(), history.joins(), history.orders());
        DashboardData.publish(history, sweep);
        print("Published, ingested and assessed in %.1f s", (System.nanoTime() - generating) / 1e9);

        String token = Scenario.operator();
        String from = start.toString();
        String to = start.plusDays(DAYS - 1).toString();
        String route = "#token=" + token + "&from=" + from + "&to=" + to;
        long groupsShown = Scenario.get("/api/v1/analytics/groups", Map.of("size", 1)).getLong("totalItems");
        assertThat(groupsShown).isGreaterThanOrEqualTo(GROUPS);
        print("The operator's Overview: %d groups, %s to %s", groupsShown, from, to);

        for (int i = 0; i < WARM_UP; i++) {
            renderTime(browser, route);
        }
        browser.driver.executeCdpCommand("Network.enable", Map.of());
        List<Double> warm = new ArrayList<>();
        List<Double> cold = new ArrayList<>();
        for (int i = 0; i < LOADS; i++) {
            browser.driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", false));
            warm.add(renderTime(browser, route));
            browser.driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", true));
            cold.add(renderTime(browser, route));
        }
        browser.driver.executeCdpCommand("Network.setCacheDisabled", Map.of("cacheDisabled", false));
        List<Double> api = new ArrayList<>();
        for (int i = 0; i < WARM_UP + LOADS; i++) {
            double ms = apiTime(browser, token, from, to);
            if (i >= WARM_UP) {
                api.add(ms);
            }
        }
        print("Overview rendered (navigation start → every section drawn), %d loads each:", LOADS);
        print("  browser cache on:   median %.0f ms, p90 %.0f ms, max %.0f ms", quantile(warm, 0.5), quantile(warm, 0.9), quantile(warm, 1));
        print("  browser cache off:  median %.0f ms, p90 %.0f ms, max %.0f ms", quantile(cold, 0.5), quantile(cold, 0.9), quantile(cold, 1));
        print("Baseline, the same four API calls by fetch without rendering: median %.0f ms, p90 %.0f ms", quantile(api, 0.5), quantile(api, 0.9));
        print("Ratio, median render (cache on) ÷ median API: %.2f", quantile(warm, 0.5) / quantile(api, 0.5));
        browser.driver.executeCdpCommand("Performance.enable", Map.of());
        renderTime(browser, route);
        @SuppressWarnings("unchecked")
        List<Map<String, Object>> metrics = (List<Map<String, Object>>) browser.driver.executeCdpCommand("Performance.getMetrics", Map.of()).get("metrics");
        Map<String, Double> byName = new java.util.HashMap<>();
        metrics.forEach(m -> byName.put((String) m.get("name"), ((Number) m.get("value")).doubleValue()));
        print("CPU time of that load on the page's main thread: scripts %.0f ms, layout and style %.0f ms, all tasks %.0f ms",
                byName.getOrDefault("ScriptDuration", 0.0) * 1000, (byName.getOrDefault("LayoutDuration", 0.0) + byName.getOrDefault("RecalcStyleDuration", 0.0)) * 1000,
                byName.getOrDefault("TaskDuration", 0.0) * 1000);
        print("Where the time of one load (cache on) goes, ms since navigation start:");
        @SuppressWarnings("unchecked")
        List<String> timeline = (List<String>) browser.script("""
                const short = name => name.replace(location.origin, '').replace(/token=[^&]*/, 'token=…').slice(0, 90);
                const n = performance.getEntriesByType('navigation')[0];
                return [`  document              ${n.responseEnd.toFixed(0)} (DOM ready ${n.domContentLoadedEventEnd.toFixed(0)})`,
                  ...performance.getEntriesByType('resource').map(r => `  ${short(r.name).padEnd(90)} ${r.startTime.toFixed(0)} → ${r.responseEnd.toFixed(0)}`),
                  ...performance.getEntriesByType('mark').map(m => `  ${m.name.padEnd(21)} ${m.startTime.toFixed(0)}`),
                  `  every section drawn   ${window.shequnDashboard.renders[0].at.toFixed(0)}`];""");
        timeline.forEach(line -> print("%s", line));
        print("Load average (1, 5, 15 min): %s on %d cores", Files.readString(Path.of("/proc/loadavg")).strip(), Runtime.getRuntime().availableProcessors());
        browser.screenshot("benchmark-overview");
        Files.createDirectories(Path.of("target"));
        Files.write(Path.of("target", "dashboard-benchmark.txt"), report);
    }

    /** A full page load; the page records when every section of the Overview had settled. */
    private static double renderTime(Browser browser, String route) {
        browser.driver.get("about:blank");
        browser.load(route);
        assertThat(browser.page()).isEqualTo("overview");
        assertThat(browser.all("[data-test='state-error']")).isEmpty();
        return ((Number) browser.script("return window.shequnDashboard.renders[0].at;")).doubleValue();
    }

    private static double apiTime(Browser browser, String token, String from, String to) {
        browser.load("#/unknown-page-so-nothing-renders");
        Object ms = browser.driver.executeAsyncScript("""
                const [token, from, to, done] = arguments;
                const get = path => fetch(path, { headers: { Authorization: 'Bearer ' + token } }).then(r => r.json());
                const started = performance.now();
                Promise.all([
                  get(`/api/v1/analytics/overview/trend?from=${from}&to=${to}`),
                  get('/api/v1/analytics/overview'),
                  get(`/api/v1/analytics/groups?sort=HEALTH&day=${to}&currency=CNY&page=0&size=50`),
                  get(`/api/v1/analytics/stage-changes?from=${from}&to=${to}&page=0&size=10`),
                ]).then(() => done(performance.now() - started));""", token, from, to);
        return ((Number) ms).doubleValue();
    }

    private static double quantile(List<Double> values, double q) {
        List<Double> sorted = values.stream().sorted().toList();
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(q * sorted.size()) - 1));
    }

    private void print(String format, Object... args) {
        String line = String.format(format, args);
        report.add(line);
        System.out.println(line);
    }
}
