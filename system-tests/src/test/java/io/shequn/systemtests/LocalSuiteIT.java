package io.shequn.systemtests;

import io.shequn.localstack.Ports;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

/**
 * The whole suite as a newcomer runs it: {@code ./shequn up} starts Kafka, PostgreSQL and the
 * four packaged services; the scenario uses only their public REST APIs; SIGTERM stops all of it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class LocalSuiteIT {

    private static final Path ROOT = Path.of("").toAbsolutePath().getParent();
    private static final Map<String, Integer> PORTS = new LinkedHashMap<>();
    private static Path data;
    private static Path output;
    private static Map<String, String> env;
    private static Process suite;
    private static String operatorToken;

    @BeforeAll
    static void up() throws IOException {
        data = Files.createTempDirectory("shequn-system-test-");
        output = data.resolveSibling(data.getFileName() + ".out");
        for (String port : List.of("KAFKA", "KAFKA_CONTROLLER", "POSTGRES", "MEMBER", "GROUP", "ENGAGEMENT", "ANALYTICS")) {
            PORTS.put(port, Ports.free());
        }
        env = new LinkedHashMap<>();
        env.put("SHEQUN_DATA", data.toString());
        env.put("SHEQUN_NO_BUILD", "1");
        PORTS.forEach((name, port) -> env.put("SHEQUN_" + name + "_PORT", Integer.toString(port)));

        ProcessBuilder builder = new ProcessBuilder(ROOT.resolve("shequn").toString(), "up")
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().putAll(env);
        suite = builder.start();
        await().atMost(Duration.ofMinutes(4)).pollInterval(Duration.ofMillis(500))
                .failFast("./shequn up exited", () -> !suite.isAlive())
                .until(() -> printed().contains("Press Ctrl-C to stop."));
        List<String> lines = printed().lines().toList();
        operatorToken = lines.get(lines.indexOf(lines.stream().filter(l -> l.startsWith("Operator token")).findFirst().orElseThrow()) + 1);
    }

    @AfterAll
    static void cleanUp() {
        if (suite != null && suite.isAlive()) {
            suite.destroyForcibly();
        }
    }

    @Test
    @Order(1)
    void everyServiceIsReadyAndTheOutputNamesItsUrl() {
        for (String service : List.of("MEMBER", "GROUP", "ENGAGEMENT", "ANALYTICS")) {
            given().when().get(url(service, "/q/health/ready")).then().statusCode(200).body("status", equalTo("UP"));
            assertThat(printed()).contains("http://localhost:" + PORTS.get(service) + "/q/swagger-ui");
        }
        assertThat(printed()).contains("Kafka bootstrap     localhost:" + PORTS.get("KAFKA"));
    }

    @Test
    @Order(2)
    void aRegisteredMemberIsCountedByAnalyticsWithinFiveSeconds() {
        long before = totalMembers();
        String id = given().auth().oauth2(operatorToken).contentType("application/json")
                .body(Map.of("displayName", "Wang Fang", "region", "Chengdu", "tags", List.of("tea")))
                .when().post(url("MEMBER", "/api/v1/members"))
                .then().statusCode(201).extract().path("id");

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> totalMembers() == before + 1);
        given().auth().oauth2(operatorToken).when().get(url("MEMBER", "/api/v1/members/" + id))
                .then().statusCode(200).body("displayName", equalTo("Wang Fang"));
    }

    @Test
    @Order(3)
    void theDashboardLinkServesTheDashboardAndCarriesATokenItAccepts() {
        List<String> lines = printed().lines().toList();
        String link = lines.get(lines.indexOf("Dashboard, signed in as an operator:") + 1);
        assertThat(link).startsWith(url("ANALYTICS", "/dashboard/#token="));
        String token = link.substring(link.indexOf("#token=") + "#token=".length());
        assertThat(token).isEqualTo(operatorToken);
        given().when().get(link.substring(0, link.indexOf('#'))).then().statusCode(200)
                .body(containsString("<script type=\"module\" src=\"js/app.js\">"));
        given().auth().oauth2(token).when().get(url("ANALYTICS", "/api/v1/analytics/overview")).then().statusCode(200);
    }

    @Test
    @Order(4)
    void theTokenCommandMintsMemberTokensTheServicesAccept() throws Exception {
        UUID member = UUID.randomUUID();
        ProcessBuilder builder = new ProcessBuilder(ROOT.resolve("shequn").toString(), "token", "--member", member.toString())
                .directory(ROOT.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().putAll(env);
        Process token = builder.start();
        String memberToken = new String(token.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(token.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(token.exitValue()).isZero();

        given().auth().oauth2(memberToken).when().get(url("MEMBER", "/api/v1/members/" + UUID.randomUUID()))
                .then().statusCode(404);
        given().auth().oauth2(memberToken).when().get(url("ANALYTICS", "/api/v1/analytics/overview"))
                .then().statusCode(403);
    }

    @Test
    @Order(5)
    void sigtermStopsEveryProcessItStarted() throws InterruptedException {
        suite.destroy();
        assertThat(suite.waitFor(90, TimeUnit.SECONDS)).as("./shequn up exits after SIGTERM").isTrue();
        assertThat(printed()).contains("Stopped.");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(ProcessHandle.allProcesses()
                    .filter(p -> p.info().commandLine().map(c -> c.contains(data.toString())).orElse(false))
                    .map(p -> p.pid() + " " + p.info().commandLine().orElse("")))
                    .as("processes still using " + data).isEmpty();
            PORTS.forEach((name, port) -> assertThat(listening(port)).as(name + " port " + port + " closed").isFalse());
        });
    }

    private static long totalMembers() {
        return given().auth().oauth2(operatorToken).when().get(url("ANALYTICS", "/api/v1/analytics/overview"))
                .then().statusCode(200).extract().jsonPath().getLong("totalMembers");
    }

    private static String url(String service, String path) {
        return "http://localhost:" + PORTS.get(service) + path;
    }

    private static String printed() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException e) {
            return false;
        }
    }
}
