package io.shequn.analytics.overview;

import io.quarkus.test.junit.QuarkusTest;
import io.shequn.localstack.KafkaTestClient;
import io.shequn.localstack.LocalStack;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.ConfigProvider;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.shequn.localstack.CloudEventRecords.binary;
import static io.shequn.localstack.CloudEventRecords.header;
import static io.shequn.localstack.CloudEventRecords.raw;
import static io.shequn.localstack.CloudEventRecords.structured;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

/**
 * member-registered reaches the overview through the inbox: both CloudEvents modes count,
 * redeliveries do not, bad events go to the dead-letter topic without stopping the consumer.
 */
@QuarkusTest
class MemberRegisteredListenerTest {

    private static final String TOPIC = "member-registered";
    private static final String TYPE = "shequn.member-registered.v1";
    private static final Duration FRESH = Duration.ofSeconds(10);

    private static KafkaTestClient kafka;

    @BeforeAll
    static void connect() {
        kafka = new KafkaTestClient(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
    }

    @AfterAll
    static void close() {
        kafka.close();
    }

    @Test
    void binaryAndStructuredEventsAreCounted() {
        long before = totalMembers();
        kafka.send(binary(TOPIC, memberKey(), UUID.randomUUID().toString(), "/shequn/member-service", TYPE, Instant.now(), registered(UUID.randomUUID())));
        UUID structuredMember = UUID.randomUUID();
        kafka.send(structured(TOPIC, structuredMember.toString(), UUID.randomUUID().toString(), "/crm/import", TYPE, Instant.now(), registered(structuredMember)));

        await().atMost(FRESH).until(() -> totalMembers() == before + 2);
    }

    @Test
    void aRedeliveredEventIsCountedOnce() {
        long before = totalMembers();
        String eventId = UUID.randomUUID().toString();
        UUID member = UUID.randomUUID();
        kafka.send(binary(TOPIC, member.toString(), eventId, "/shequn/member-service", TYPE, Instant.now(), registered(member)));
        kafka.send(binary(TOPIC, member.toString(), eventId, "/shequn/member-service", TYPE, Instant.now(), registered(member)));
        // Same key, same partition: once the marker is counted, both copies have been consumed.
        UUID marker = UUID.randomUUID();
        kafka.send(binary(TOPIC, member.toString(), UUID.randomUUID().toString(), "/shequn/member-service", TYPE, Instant.now(), registered(marker)));

        await().atMost(FRESH).until(() -> totalMembers() >= before + 2);
        assertThat(totalMembers()).isEqualTo(before + 2);
    }

    @Test
    void malformedAndSchemaInvalidEventsAreDeadLetteredAndTheNextValidOneIsCounted() {
        long before = totalMembers();
        String key = UUID.randomUUID().toString();
        String malformedId = UUID.randomUUID().toString();
        String invalidId = UUID.randomUUID().toString();
        String wrongTypeId = UUID.randomUUID().toString();
        kafka.send(raw(TOPIC, key, malformedId, TYPE, "{not json".getBytes(StandardCharsets.UTF_8)));
        kafka.send(binary(TOPIC, key, invalidId, "/crm/import", TYPE, Instant.now(),
                "{\"memberId\":\"" + UUID.randomUUID() + "\",\"tags\":[],\"registeredAt\":\"2026-11-23T08:00:00Z\"}"));
        kafka.send(binary(TOPIC, key, wrongTypeId, "/crm/import", "shequn.member-registered.v9", Instant.now(), registered(UUID.randomUUID())));
        kafka.send(binary(TOPIC, key, UUID.randomUUID().toString(), "/shequn/member-service", TYPE, Instant.now(), registered(UUID.randomUUID())));

        ConsumerRecord<String, byte[]> malformed = kafka.await(TOPIC + ".dlq", r -> malformedId.equals(header(r, "ce_id")), FRESH);
        assertThat(header(malformed, "dlq-reason")).isEqualTo("unparseable");
        assertThat(header(malformed, "dlq-original-topic")).isEqualTo(TOPIC);
        assertThat(new String(malformed.value(), StandardCharsets.UTF_8)).isEqualTo("{not json");

        ConsumerRecord<String, byte[]> invalid = kafka.await(TOPIC + ".dlq", r -> invalidId.equals(header(r, "ce_id")), FRESH);
        assertThat(header(invalid, "dlq-reason")).isEqualTo("schema-invalid");
        assertThat(header(invalid, "dlq-detail")).contains("displayName");

        ConsumerRecord<String, byte[]> wrongType = kafka.await(TOPIC + ".dlq", r -> wrongTypeId.equals(header(r, "ce_id")), FRESH);
        assertThat(header(wrongType, "dlq-reason")).isEqualTo("unknown-type");

        await().atMost(FRESH).until(() -> totalMembers() == before + 1);
        given().when().get("/q/metrics").then().statusCode(200)
                .body(containsString("shequn_events_dead_lettered_total{reason=\"schema-invalid\",topic=\"member-registered\"}"))
                .body(containsString("shequn_events_dead_lettered_total{reason=\"unparseable\",topic=\"member-registered\"}"));
    }

    @Test
    void theOverviewIsForOperatorsOnly() {
        given().when().get("/api/v1/analytics/overview").then().statusCode(401)
                .contentType("application/problem+json");
        given().auth().oauth2(LocalStack.shared().tokens().member(UUID.randomUUID()))
                .when().get("/api/v1/analytics/overview").then().statusCode(403)
                .contentType("application/problem+json");
    }

    private static long totalMembers() {
        return given().auth().oauth2(LocalStack.shared().tokens().operator(UUID.randomUUID()))
                .when().get("/api/v1/analytics/overview")
                .then().statusCode(200).extract().jsonPath().getLong("totalMembers");
    }

    private static String memberKey() {
        return UUID.randomUUID().toString();
    }

    private static String registered(UUID member) {
        return "{\"memberId\":\"" + member + "\",\"displayName\":\"Han Meimei\",\"tags\":[\"reading\"],"
                + "\"registeredAt\":\"2026-11-23T08:00:00Z\",\"someFutureField\":42}";
    }
}
