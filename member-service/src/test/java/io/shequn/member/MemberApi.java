package io.shequn.member;

import com.fasterxml.jackson.databind.JsonNode;
import io.restassured.response.ValidatableResponse;
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
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

import static io.restassured.RestAssured.given;
import static io.shequn.localstack.CloudEventRecords.header;
import static org.assertj.core.api.Assertions.assertThat;

/** The member API as a frontend calls it, and the events as a downstream consumer sees them. */
public final class MemberApi {

    private static KafkaTestClient kafka;

    private MemberApi() {
    }

    public static String operator() {
        return LocalStack.shared().tokens().operator(UUID.randomUUID());
    }

    public static String member(UUID id) {
        return LocalStack.shared().tokens().member(id);
    }

    /** PUT /me as that member; returns the response for further checks. */
    public static ValidatableResponse saveOwn(UUID member, Map<String, ?> profile) {
        return given().auth().oauth2(member(member)).contentType("application/json").body(profile)
                .when().put("/api/v1/members/me").then();
    }

    /** Creates the member's own profile and returns their invite code. */
    public static String createOwn(UUID member, Map<String, ?> profile) {
        return saveOwn(member, profile).statusCode(201).extract().path("inviteCode");
    }

    public static ValidatableResponse get(String token, UUID member) {
        return given().auth().oauth2(token).when().get("/api/v1/members/" + member).then();
    }

    /** The event on {@code contract}'s topic keyed by {@code key} that matches, checked against its schema. */
    public static JsonNode awaitEvent(EventContract<?> contract, UUID key, Predicate<JsonNode> match) {
        ConsumerRecord<String, byte[]> record = kafka().await(contract.topic(),
                r -> key.toString().equals(r.key()) && contract.type().equals(header(r, "ce_type")) && match.test(json(r.value())),
                Duration.ofSeconds(15));
        JsonNode data = json(record.value());
        assertThat(EventSchemas.violations(contract, data)).isEmpty();
        assertThat(header(record, "ce_subject")).isEqualTo(key.toString());
        return data;
    }

    public static synchronized KafkaTestClient kafka() {
        if (kafka == null) {
            kafka = new KafkaTestClient(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        }
        return kafka;
    }

    public static JsonNode json(byte[] value) {
        try {
            return EventJson.mapper().readTree(value);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
