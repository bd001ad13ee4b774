package io.shequn.member.profile;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.shequn.contracts.EventJson;
import io.shequn.contracts.EventSchemas;
import io.shequn.contracts.Events;
import io.shequn.localstack.KafkaTestClient;
import io.shequn.localstack.LocalStack;
import jakarta.inject.Inject;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.shequn.localstack.CloudEventRecords.header;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/**
 * member-registered leaves through the transactional outbox: published after commit, never
 * after a rollback, and published late rather than lost when Kafka is down.
 */
@QuarkusTest
class MemberRegisteredEventTest {

    private static final String TOPIC = "member-registered";
    private static final Duration FRESH = Duration.ofSeconds(10);

    private static KafkaTestClient kafka;

    @Inject
    MemberService members;

    @BeforeAll
    static void connect() {
        kafka = new KafkaTestClient(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void aRegistrationIsPublishedAsASchemaValidCloudEventKeyedByMember() {
        String id = register("Li Lei");

        ConsumerRecord<String, byte[]> event = kafka.await(TOPIC, r -> id.equals(r.key()), FRESH);
        assertThat(header(event, "ce_specversion")).isEqualTo("1.0");
        assertThat(header(event, "ce_type")).isEqualTo("shequn.member-registered.v1");
        assertThat(header(event, "ce_source")).isEqualTo("/shequn/member-service");
        assertThat(header(event, "ce_subject")).isEqualTo(id);
        assertThat(header(event, "ce_id")).isNotBlank();
        assertThat(header(event, "ce_time")).isNotBlank();
        assertThat(header(event, "content-type")).startsWith("application/json");
        JsonNode data = json(event.value());
        assertThat(EventSchemas.violations(Events.MEMBER_REGISTERED, data)).isEmpty();
        assertThat(data.get("memberId").asText()).isEqualTo(id);
        assertThat(data.get("displayName").asText()).isEqualTo("Li Lei");
    }

    @Test
    void theCallersTraceTravelsWithTheEvent() {
        String traceId = UUID.randomUUID().toString().replace("-", "");
        String id = given().auth().oauth2(operatorToken()).contentType("application/json")
                .header("traceparent", "00-" + traceId + "-00f067aa0ba902b7-01")
                .body(Map.of("displayName", "Traced"))
                .when().post("/api/v1/members")
                .then().statusCode(201).extract().path("id");

        ConsumerRecord<String, byte[]> event = kafka.await(TOPIC, r -> id.equals(r.key()), FRESH);
        assertThat(header(event, "traceparent")).startsWith("00-" + traceId + "-");
    }

    @Test
    void aRolledBackRegistrationIsNeverPublished() {
        UUID[] rolledBack = new UUID[1];
        assertThatThrownBy(() -> QuarkusTransaction.requiringNew().run(() -> {
            rolledBack[0] = members.register(new MemberProfileRequest("Rolled Back", null, null, List.of(), null, null, null, null)).id();
            throw new IllegalStateException("the caller fails after the event was written");
        })).isInstanceOf(IllegalStateException.class);

        given().auth().oauth2(operatorToken()).when().get("/api/v1/members/" + rolledBack[0]).then().statusCode(404);
        // A committed registration after the rolled-back one: once it is on the topic, the relay has
        // had every chance to publish the rolled-back event too.
        String committed = register("Committed After");
        kafka.await(TOPIC, r -> committed.equals(r.key()), FRESH);
        assertThat(kafka.readAll(TOPIC, r -> rolledBack[0].toString().equals(r.key()), Duration.ofSeconds(2))).isEmpty();
    }

    @Test
    void aRegistrationCommittedWhileKafkaIsDownIsPublishedWhenItIsBack() {
        LocalStack.shared().kafka().stop();
        String id;
        try {
            id = register("Registered During Outage");
            // Readiness covers Kafka, so a load balancer stops routing here while it is down.
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                    given().when().get("/q/health/ready").then().statusCode(503));
        } finally {
            LocalStack.shared().kafka().start();
        }
        String member = id;
        ConsumerRecord<String, byte[]> event = kafka.await(TOPIC, r -> member.equals(r.key()), Duration.ofSeconds(60));
        assertThat(json(event.value()).get("displayName").asText()).isEqualTo("Registered During Outage");
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
                given().when().get("/q/health/ready").then().statusCode(200));
    }

    private static String register(String displayName) {
        return given().auth().oauth2(operatorToken()).contentType("application/json")
                .body(Map.of("displayName", displayName))
                .when().post("/api/v1/members")
                .then().statusCode(201).extract().path("id");
    }

    private static String operatorToken() {
        return LocalStack.shared().tokens().operator(UUID.randomUUID());
    }

    private static JsonNode json(byte[] value) {
        try {
            return EventJson.mapper().readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
