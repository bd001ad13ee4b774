package io.shequn.group;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.specification.RequestSpecification;
import io.shequn.contracts.EventContract;
import io.shequn.contracts.EventJson;
import io.shequn.contracts.EventSchemas;
import io.shequn.localstack.KafkaTestClient;
import io.shequn.localstack.LocalStack;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static io.shequn.localstack.CloudEventRecords.header;
import static org.assertj.core.api.Assertions.assertThat;

/** What the group-service tests do over and over: tokens, groups, joins, and reading our events off Kafka. */
public final class GroupApi {

    public static final Duration FRESH = Duration.ofSeconds(15);
    public static final String PROBLEM_JSON = "application/problem+json";

    private static KafkaTestClient kafka;

    private GroupApi() {
    }

    public static synchronized KafkaTestClient kafka() {
        if (kafka == null) {
            kafka = new KafkaTestClient(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        }
        return kafka;
    }

    public static RequestSpecification as(UUID member) {
        return given().auth().oauth2(LocalStack.shared().tokens().member(member)).contentType("application/json");
    }

    public static RequestSpecification asOperator() {
        return given().auth().oauth2(LocalStack.shared().tokens().operator(UUID.randomUUID())).contentType("application/json");
    }

    /** A group owned by {@code owner}; {@code extra} overrides the defaults (type INTEREST, OPEN). */
    public static UUID createGroup(UUID owner, Map<String, Object> extra) {
        Map<String, Object> body = new HashMap<>(Map.of("name", "Group " + UUID.randomUUID().toString().substring(0, 8),
                "type", "INTEREST"));
        body.putAll(extra);
        String id = as(owner).body(body).when().post("/api/v1/groups").then().statusCode(201).extract().path("id");
        return UUID.fromString(id);
    }

    public static UUID openGroup(UUID owner) {
        return createGroup(owner, Map.of());
    }

    /** Joins an OPEN group at once. */
    public static void join(UUID group, UUID member) {
        as(member).body(Map.of()).when().post("/api/v1/groups/" + group + "/members").then().statusCode(201);
    }

    public static void setRole(UUID group, UUID by, UUID member, String role) {
        as(by).body(Map.of("role", role)).when().put("/api/v1/groups/" + group + "/members/" + member + "/role")
                .then().statusCode(200);
    }

    /** The event on {@code contract}'s topic keyed by the group whose data matches, checked against the schema. */
    public static JsonNode awaitEvent(EventContract<?> contract, UUID key, Predicate<JsonNode> match) {
        ConsumerRecord<String, byte[]> record = kafka().await(contract.topic(),
                r -> key.toString().equals(r.key()) && match.test(json(r.value())), FRESH);
        return checked(contract, record);
    }

    /** Every event of {@code contract} keyed by {@code key}, after letting the topic settle. */
    public static List<JsonNode> events(EventContract<?> contract, UUID key, Predicate<JsonNode> match, Duration settle) {
        return kafka().readAll(contract.topic(), r -> key.toString().equals(r.key()) && match.test(json(r.value())), settle)
                .stream().map(r -> checked(contract, r)).toList();
    }

    private static JsonNode checked(EventContract<?> contract, ConsumerRecord<String, byte[]> record) {
        assertThat(header(record, "ce_type")).isEqualTo(contract.type());
        assertThat(header(record, "ce_source")).isEqualTo("/shequn/group-service");
        assertThat(header(record, "ce_subject")).isEqualTo(record.key());
        JsonNode data = json(record.value());
        assertThat(EventSchemas.violations(contract, data)).isEmpty();
        return data;
    }

    public static Predicate<JsonNode> field(String name, Object value) {
        return data -> data.hasNonNull(name) && data.get(name).asText().equals(String.valueOf(value));
    }

    public static JsonNode json(byte[] value) {
        try {
            return EventJson.mapper().readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
