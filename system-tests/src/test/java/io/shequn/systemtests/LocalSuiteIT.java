package io.shequn.systemtests;

import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
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
 * four packaged services and prints where they are; the scenario uses only their public REST APIs.
 */
@Order(1)
class LocalSuiteIT extends SystemTest {

    @Test
    void everyServiceIsReadyAndTheOutputNamesItsUrl() {
        for (String service : List.of("MEMBER", "GROUP", "ENGAGEMENT", "ANALYTICS")) {
            given().when().get(url(service, "/q/health/ready")).then().statusCode(200).body("status", equalTo("UP"));
            assertThat(suite().printed()).contains("http://localhost:" + suite().ports.get(service) + "/q/swagger-ui");
        }
        assertThat(suite().printed()).contains("Kafka bootstrap     localhost:" + suite().ports.get("KAFKA"));
    }

    @Test
    void aRegisteredMemberIsCountedByAnalyticsWithinFiveSeconds() {
        long before = totalMembers();
        String id = asOperator().body(Map.of("displayName", "Wang Fang", "region", "Chengdu", "tags", List.of("tea")))
                .when().post(url("MEMBER", "/api/v1/members"))
                .then().statusCode(201).extract().path("id");

        await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(100))
                .until(() -> totalMembers() == before + 1);
        asOperator().when().get(url("MEMBER", "/api/v1/members/" + id))
                .then().statusCode(200).body("displayName", equalTo("Wang Fang"));
    }

    @Test
    void theDashboardLinkServesTheDashboardAndCarriesATokenItAccepts() {
        List<String> lines = suite().printed().lines().toList();
        String link = lines.get(lines.indexOf("Dashboard, signed in as an operator:") + 1);
        assertThat(link).startsWith(url("ANALYTICS", "/dashboard/#token="));
        String token = link.substring(link.indexOf("#token=") + "#token=".length());
        assertThat(token).isEqualTo(suite().operator());
        given().when().get(link.substring(0, link.indexOf('#'))).then().statusCode(200)
                .body(containsString("<script type=\"module\" src=\"js/app.js\">"));
        given().auth().oauth2(token).when().get(url("ANALYTICS", "/api/v1/analytics/overview")).then().statusCode(200);
    }

    @Test
    void theTokenCommandMintsMemberTokensTheServicesAccept() throws Exception {
        UUID member = UUID.randomUUID();
        ProcessBuilder builder = new ProcessBuilder(Suite.ROOT.resolve("shequn").toString(), "token", "--member", member.toString())
                .directory(Suite.ROOT.toFile())
                .redirectError(ProcessBuilder.Redirect.INHERIT);
        builder.environment().putAll(suite().env);
        Process token = builder.start();
        String memberToken = new String(token.getInputStream().readAllBytes(), StandardCharsets.UTF_8).strip();
        assertThat(token.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(token.exitValue()).isZero();

        given().auth().oauth2(memberToken).when().get(url("MEMBER", "/api/v1/members/" + UUID.randomUUID()))
                .then().statusCode(404);
        given().auth().oauth2(memberToken).when().get(url("ANALYTICS", "/api/v1/analytics/overview"))
                .then().statusCode(403);
    }

    private static long totalMembers() {
        return given().auth().oauth2(suite().operator()).when().get(url("ANALYTICS", "/api/v1/analytics/overview"))
                .then().statusCode(200).extract().jsonPath().getLong("totalMembers");
    }
}
