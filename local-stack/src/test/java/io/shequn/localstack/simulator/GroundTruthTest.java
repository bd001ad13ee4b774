package io.shequn.localstack.simulator;

import com.sun.net.httpserver.HttpServer;
import io.shequn.localstack.DevKeys;
import io.shequn.localstack.DevTokens;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The ground truth's own logic, without a suite: it survives its file, its figures leave out ids
 * and dates, and {@code verify} names every figure a service answers differently. The services
 * are stood in for by a plain HTTP server answering what analytics-service and group-service
 * would for one group.
 */
class GroundTruthTest {

    private static final UUID GROUP = UUID.fromString("7d1c2a4e-3b7d-4a8e-9c10-2f5e6d7a8b9c");
    private static final LocalDate FROM = LocalDate.of(2026, 12, 3);
    private static final LocalDate TO = LocalDate.of(2026, 12, 5);

    @TempDir
    Path dir;

    private HttpServer server;
    private final Map<String, String> answers = new ConcurrentHashMap<>();
    private SuiteEndpoints suite;

    @BeforeEach
    void standIn() throws IOException {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.createContext("/", exchange -> {
            String key = exchange.getRequestURI().getPath() + (exchange.getRequestURI().getQuery() == null ? "" : "?" + exchange.getRequestURI().getQuery());
            String body = answers.get(key);
            byte[] bytes = (body == null ? "{\"status\":404}" : body).getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(body == null ? 404 : 200, bytes.length);
            exchange.getResponseBody().write(bytes);
            exchange.close();
        });
        server.start();
        String url = "http://127.0.0.1:" + server.getAddress().getPort();
        suite = new SuiteEndpoints(url, url, url, url, "localhost:1", new DevTokens(DevKeys.in(dir.resolve("keys"))), List.of());
        String g = "/api/v1/analytics/groups/" + GROUP;
        answers.put(g + "/summary?day=" + TO, "{\"members\":4,\"dau\":2,\"health\":{\"stage\":\"NEW\",\"score\":61}}");
        series(g, "MESSAGES", 3, 0, 4);
        series(g, "CHECK_INS", 1, 1, 1);
        series(g, "RED_PACKETS", 0, 2, 0);
        series(g, "ATTENDANCES", 0, 0, 1);
        series(g, "JOINS", 4, 1, 0);
        series(g, "LEAVES", 0, 0, 1);
        series(g, "DAU", 2, 1, 2);
        answers.put(g + "/revenue?from=" + FROM + "&to=" + TO,
                "{\"gmv\":[{\"currency\":\"CNY\",\"purchases\":2,\"amount\":19800},{\"currency\":\"USD\",\"purchases\":1,\"amount\":500}]}");
        answers.put("/api/v1/groups/" + GROUP, "{\"id\":\"" + GROUP + "\",\"memberCount\":4}");
        answers.put("/api/v1/groups/" + GROUP + "/red-packets?size=100&page=0",
                "{\"items\":[{\"grabbedCount\":2}],\"page\":0,\"size\":100,\"totalItems\":1,\"totalPages\":1}");
        answers.put("/api/v1/groups/" + GROUP + "/lotteries?size=100&page=0", "{\"items\":[],\"page\":0,\"size\":100,\"totalItems\":0,\"totalPages\":0}");
        answers.put("/api/v1/analytics/groups?sort=HEALTH&day=" + TO + "&size=100",
                "{\"items\":[{\"groupId\":\"" + GROUP + "\",\"stage\":\"NEW\",\"score\":61}]}");
    }

    @AfterEach
    void stop() {
        server.stop(0);
    }

    @Test
    void aGroundTruthThatMatchesTheAnswersHasNoDifferenceAndSurvivesItsFile() {
        GroundTruth truth = truth(GROUP, FROM, 7, Map.of("CNY", 19800L, "USD", 500L));
        assertThat(truth.verify(suite)).isEmpty();

        Path file = dir.resolve("truth.json");
        truth.write(file);
        GroundTruth read = GroundTruth.read(file);
        assertThat(read).isEqualTo(truth);
        assertThat(read.verify(suite)).isEmpty();
    }

    @Test
    void everyFigureAnsweredDifferentlyIsNamed() {
        GroundTruth truth = truth(GROUP, FROM, 8, Map.of("CNY", 19900L, "USD", 500L));
        answers.put("/api/v1/groups/" + GROUP, "{\"id\":\"" + GROUP + "\",\"memberCount\":5}");
        assertThat(truth.verify(suite)).containsExactly(
                "group 0 (" + GROUP + "): analytics messages: simulated 8, answered 7",
                "group 0 (" + GROUP + "): analytics GMV: simulated {CNY=19900, USD=500}, answered {CNY=19800, USD=500}",
                "group 0 (" + GROUP + "): group-service memberCount: simulated 4, answered 5");
    }

    @Test
    void aGroupAnalyticsHasNeverSeenIsADifference() {
        UUID unknown = UUID.randomUUID();
        assertThat(truth(unknown, FROM, 7, Map.of()).verify(suite))
                .containsExactly("group 0 (" + unknown + "): analytics-service does not know the group");
    }

    /** Two runs with the same seed differ in ids and dates, never in figures. */
    @Test
    void figuresLeaveOutIdsAndDates() {
        GroundTruth one = truth(GROUP, FROM, 7, Map.of("CNY", 19800L, "USD", 500L));
        GroundTruth other = truth(UUID.randomUUID(), FROM.plusDays(9), 7, Map.of("USD", 500L, "CNY", 19800L));
        assertThat(other.figures()).isEqualTo(one.figures()).contains("messages 7", "purchases 3 {CNY=19800, USD=500}");
        assertThat(truth(GROUP, FROM, 6, Map.of()).figures()).isNotEqualTo(one.figures());
        assertThat(one.analyticsFigures(suite)).contains("group 0 DAU by day: 2 1 2", "ranked by health: 0:NEW:61", "stage NEW, score 61");
    }

    private void series(String group, String metric, long... values) {
        StringBuilder json = new StringBuilder("[");
        for (int i = 0; i < values.length; i++) {
            json.append(i == 0 ? "" : ",").append("{\"day\":\"").append(FROM.plusDays(i)).append("\",\"value\":").append(values[i]).append('}');
        }
        answers.put(group + "/timeseries?metric=" + metric + "&from=" + FROM + "&to=" + TO, json.append(']').toString());
    }

    private static GroundTruth truth(UUID group, LocalDate from, long messages, Map<String, Long> gmv) {
        GroundTruth.Totals totals = new GroundTruth.Totals(4, 2, 1, 1, 120, 40, 0, Map.of(), 0, 12.5);
        long purchases = gmv.isEmpty() ? 0 : 3;
        return new GroundTruth(7, 3, from, from.plusDays(2), "Asia/Shanghai", totals, List.of(new GroundTruth.Group(0, group,
                "Weekend hikers #0", "Weekend hikers", "OPEN", "NEW", from, 4, 5, 1, messages, 2, 3, 1, 2, 0, 0, 1, 1, 1, purchases, gmv)));
    }
}
