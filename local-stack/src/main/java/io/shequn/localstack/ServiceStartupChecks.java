package io.shequn.localstack;

import jakarta.inject.Inject;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

/**
 * What every service proves whatever its features: it starts, is live and ready with the
 * database, each Kafka channel and the outbox relay checked, publishes the metrics operators
 * alert on, has its database migrated with the platform's outbox and inbox tables, and publishes
 * its OpenAPI document. A service's {@code @QuarkusTest} extends this.
 */
public abstract class ServiceStartupChecks {

    @Inject
    DataSource dataSource;

    @Test
    void isStartedLiveAndReadyWithDatabaseKafkaChannelsAndRelayChecked() {
        List<String> channels = new ArrayList<>(List.of("outbox"));
        if (consumedTopics().length > 0) {
            channels.addAll(List.of("inbox", "dead-letters"));
        }
        given().when().get("/q/health/started").then().statusCode(200).body("status", equalTo("UP"));
        given().when().get("/q/health/live").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("Outbox relay", "SmallRye Reactive Messaging - liveness check"));
        var ready = given().when().get("/q/health/ready").then().statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItems("SmallRye Reactive Messaging - readiness check", "Database connections health check"))
                .extract().jsonPath();
        Map<String, Object> channelChecks = ready.getMap("checks.find { it.name == 'SmallRye Reactive Messaging - readiness check' }.data");
        assertThat(channelChecks).containsOnlyKeys(channels);
    }

    /**
     * The clock a simulation moves ({@code PUT /ops/clock}) is not there unless
     * {@code shequn.clock.movable=true}, which only {@code ./shequn up} sets: an operator gets 404
     * and the service's time stays the system's.
     */
    @Test
    void theClockCannotBeMovedUnlessConfiguredSo() {
        String operator = LocalStack.shared().tokens().operator(UUID.randomUUID());
        given().auth().oauth2(operator).contentType("application/json").body("{\"now\":\"2099-01-01T00:00:00Z\"}")
                .when().put("/ops/clock").then().statusCode(404).contentType("application/problem+json");
        given().auth().oauth2(operator).when().get("/ops/clock").then().statusCode(404);
    }

    /**
     * What operators alert on is at /q/metrics from start-up, before the first event: the
     * plumbing's counters at zero, with help texts, for every consumed topic and every reason a
     * record is dead-lettered; the outbox backlog; HTTP latency as histogram buckets; the
     * connection pool.
     */
    @Test
    void metricsForAlertsArePublishedWithHelpTextsFromStartUp() {
        // Any request to the API counts (Quarkus leaves /q/* out of the HTTP metrics).
        given().when().get("/api/v1/no-such-resource").then().statusCode(org.hamcrest.Matchers.greaterThanOrEqualTo(400));
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        List<String> expected = new ArrayList<>(List.of(
                "# HELP shequn_outbox_unpublished_events ", "shequn_outbox_unpublished_events ",
                "# HELP shequn_outbox_oldest_unpublished_age_seconds ", "shequn_outbox_oldest_unpublished_age_seconds ",
                "# HELP shequn_outbox_published ", "# HELP shequn_outbox_relay_failures ",
                "http_server_requests_seconds_bucket{",
                "agroal_active_count{", "agroal_available_count{", "agroal_awaiting_count{"));
        String[] topics = consumedTopics();
        if (topics.length > 0) {
            expected.addAll(List.of("# HELP shequn_events_applied ", "# HELP shequn_events_duplicates ",
                    "# HELP shequn_events_dead_lettered "));
        }
        for (String topic : topics) {
            expected.add("shequn_events_applied_total{topic=\"" + topic + "\"}");
            expected.add("shequn_events_duplicates_total{topic=\"" + topic + "\"}");
            for (String reason : List.of("unparseable", "not-a-cloudevent", "unsupported-content-type", "unknown-type",
                    "schema-invalid", "handler-failed")) {
                expected.add("shequn_events_dead_lettered_total{reason=\"" + reason + "\",topic=\"" + topic + "\"}");
            }
        }
        assertThat(metrics).contains(expected);
    }

    private static String[] consumedTopics() {
        var config = ConfigProvider.getConfig();
        if (!config.getOptionalValue("mp.messaging.incoming.inbox.enabled", Boolean.class).orElse(true)) {
            return new String[0];
        }
        return config.getValue("mp.messaging.incoming.inbox.topics", String[].class);
    }

    @Test
    void theDatabaseIsMigratedWithTheOutboxAndInboxTables() throws SQLException {
        List<String> tables = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
             ResultSet rows = connection.createStatement().executeQuery(
                     "select table_name from information_schema.tables where table_schema = 'public'")) {
            while (rows.next()) {
                tables.add(rows.getString(1));
            }
        }
        assertThat(tables).contains("outbox_event", "inbox_event", "flyway_schema_history");
    }

    @Test
    void publishesItsOpenApiDocumentAndSwaggerUi() {
        String service = ConfigProvider.getConfig().getValue("quarkus.application.name", String.class);
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("info.title", equalTo("Shequn " + service));
        given().when().get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    @SuppressWarnings("unchecked")
    void everyDocumentedErrorResponseIsAProblem() {
        var openApi = given().when().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        assertThat(openApi.getMap("components.schemas.Problem.properties"))
                .containsKeys("type", "title", "status", "detail", "instance", "violations");
        Map<String, Map<String, Map<String, Object>>> paths = openApi.getMap("paths");
        List<String> errors = new ArrayList<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.get("responses");
            if (responses != null) {
                responses.forEach((status, response) -> {
                    if (status.startsWith("4") || status.startsWith("5")) {
                        errors.add(method + " " + path + " " + status + " → " + response.get("content"));
                    }
                });
            }
        }));
        assertThat(errors).isNotEmpty().allSatisfy(error ->
                assertThat(error).contains("application/problem+json").contains("#/components/schemas/Problem"));
    }

    /**
     * What generated clients rely on, for every operation: a unique operationId, a 2xx response
     * with its schema (204 excepted), 401 where a token is required, who may call it
     * ({@code x-shequn-access}, which the generic access test walks), and JSON Schema patterns
     * that are anchored and free of Java-only syntax such as inline flags; and every tag described
     * (the API linters of .ci/lint-api ask for it, and clients group operations by tag).
     */
    @Test
    @SuppressWarnings("unchecked")
    void everyOperationIsDocumentedForGeneratedClients() {
        var openApi = given().when().get("/q/openapi?format=json").then().statusCode(200).extract().jsonPath();
        Map<String, Map<String, Map<String, Object>>> paths = openApi.getMap("paths");
        List<String> problems = new ArrayList<>();
        java.util.Set<String> ids = new java.util.HashSet<>();
        paths.forEach((path, operations) -> operations.forEach((method, operation) -> {
            String name = method.toUpperCase() + " " + path;
            Object id = operation.get("operationId");
            if (id == null || !ids.add((String) id)) {
                problems.add(name + ": operationId missing or repeated (" + id + ")");
            }
            Map<String, Map<String, Object>> responses = (Map<String, Map<String, Object>>) operation.getOrDefault("responses", Map.of());
            boolean typed = responses.entrySet().stream().anyMatch(r -> r.getKey().startsWith("2")
                    && (r.getKey().equals("204") || r.getValue().get("content") != null));
            if (!typed) {
                problems.add(name + ": no 2xx response with a schema");
            }
            if (operation.get("security") != null && !responses.containsKey("401")) {
                problems.add(name + ": secured but no 401");
            }
            if (operation.get("security") != null && operation.get("x-shequn-access") == null) {
                problems.add(name + ": secured but declares no audience (x-shequn-access: @Allowed on the method)");
            }
        }));
        List<Map<String, Object>> tags = openApi.getList("tags");
        tags.stream().filter(tag -> tag.get("description") == null).forEach(tag -> problems.add("tag " + tag.get("name") + ": no description"));
        collectPatterns(openApi.getMap("components.schemas"), problems, "components.schemas");
        paths.forEach((path, operations) -> operations.forEach((method, operation) ->
                collectPatterns(operation.get("parameters"), problems, method + " " + path)));
        assertThat(problems).isEmpty();
    }

    @SuppressWarnings("unchecked")
    private static void collectPatterns(Object node, List<String> problems, String where) {
        if (node instanceof Map<?, ?> map) {
            if (map.get("pattern") instanceof String pattern
                    && (!pattern.startsWith("^") || !pattern.endsWith("$") || pattern.contains("(?i") || pattern.contains("\\A"))) {
                problems.add(where + ": pattern " + pattern + " is not an anchored ECMA-262 pattern");
            }
            map.forEach((key, value) -> collectPatterns(value, problems, where + "." + key));
        } else if (node instanceof List<?> list) {
            list.forEach(value -> collectPatterns(value, problems, where));
        }
    }
}
