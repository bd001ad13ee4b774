package io.shequn.group.admission;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.shequn.contracts.Events;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.shequn.group.GroupApi.as;
import static io.shequn.group.GroupApi.awaitEvent;
import static io.shequn.group.GroupApi.createGroup;
import static io.shequn.group.GroupApi.events;
import static io.shequn.group.GroupApi.field;
import static io.shequn.group.GroupApi.kafka;
import static io.shequn.localstack.CloudEventRecords.binary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** PAID: a pending membership completed by a real purchase event on Kafka; duplicates have no double effect. */
@QuarkusTest
class PaidAdmissionTest {

    private static final Duration FRESH = Duration.ofSeconds(20);

    private static UUID paidGroup(UUID owner) {
        return createGroup(owner, Map.of("type", "PAID_KNOWLEDGE", "admission",
                Map.of("mode", "PAID", "entryFee", Map.of("amount", 9900, "currency", "CNY"))));
    }

    @Test
    void aPurchaseOfTheEntrySkuCompletesThePendingMembershipOnce() {
        UUID group = paidGroup(UUID.randomUUID());
        UUID member = UUID.randomUUID();
        as(member).body(Map.of()).when().post("/api/v1/groups/" + group + "/members").then().statusCode(201)
                .body("status", equalTo("PENDING_PAYMENT"));

        String eventId = UUID.randomUUID().toString();
        UUID order = UUID.randomUUID();
        String purchase = purchase(order, member, 9900, "CNY", group, 1, 9900);
        kafka().send(binary("purchase", member.toString(), eventId, "/shop/orders", "shequn.purchase.v1", Instant.now(), purchase));
        kafka().send(binary("purchase", member.toString(), eventId, "/shop/orders", "shequn.purchase.v1", Instant.now(), purchase));
        // The shop republishes the same order under a new event id.
        kafka().send(binary("purchase", member.toString(), UUID.randomUUID().toString(), "/shop/orders",
                "shequn.purchase.v1", Instant.now(), purchase));

        await().atMost(FRESH).untilAsserted(() -> as(member).when().get("/api/v1/groups/" + group + "/members/" + member)
                .then().body("status", equalTo("ACTIVE")).body("via", equalTo("PAID")));
        JsonNode joined = awaitEvent(Events.MEMBER_JOINED, group, field("memberId", member));
        assertThat(joined.get("via").asText()).isEqualTo("PAID");

        // Leave and ask again: the old order does not pay a second time.
        as(member).when().delete("/api/v1/groups/" + group + "/members/" + member).then().statusCode(200);
        as(member).body(Map.of()).when().post("/api/v1/groups/" + group + "/members").then().statusCode(201)
                .body("status", equalTo("PENDING_PAYMENT"));
        assertThat(events(Events.MEMBER_JOINED, group, field("memberId", member), Duration.ofSeconds(2))).hasSize(1);
    }

    @Test
    void tooLittleOrTheWrongCurrencyLeavesTheMembershipPending() {
        UUID owner = UUID.randomUUID();
        UUID group = paidGroup(owner);
        UUID marker = paidGroup(owner);
        UUID member = UUID.randomUUID();
        as(member).body(Map.of()).when().post("/api/v1/groups/" + group + "/members").then().statusCode(201);
        as(member).body(Map.of()).when().post("/api/v1/groups/" + marker + "/members").then().statusCode(201);

        send(member, purchase(UUID.randomUUID(), member, 5000, "CNY", group, 1, 5000));
        send(member, purchase(UUID.randomUUID(), member, 9900, "USD", group, 1, 9900));
        // Same key, same partition: once the marker group's entry completes, both have been applied.
        send(member, purchase(UUID.randomUUID(), member, 9900, "CNY", marker, 1, 9900));
        await().atMost(FRESH).untilAsserted(() -> as(member).when().get("/api/v1/groups/" + marker + "/members/" + member)
                .then().body("status", equalTo("ACTIVE")));

        as(member).when().get("/api/v1/groups/" + group + "/members/" + member).then().body("status", equalTo("PENDING_PAYMENT"));
    }

    @Test
    void aPaymentThatArrivesFirstCompletesTheMembershipOnJoining() {
        UUID owner = UUID.randomUUID();
        UUID group = paidGroup(owner);
        UUID marker = paidGroup(owner);
        UUID member = UUID.randomUUID();
        as(member).body(Map.of()).when().post("/api/v1/groups/" + marker + "/members").then().statusCode(201);
        // Two seats bought in one line: quantity × unit amount covers the fee.
        send(member, purchase(UUID.randomUUID(), member, 9900, "CNY", group, 2, 4950));
        send(member, purchase(UUID.randomUUID(), member, 9900, "CNY", marker, 1, 9900));
        await().atMost(FRESH).untilAsserted(() -> as(member).when().get("/api/v1/groups/" + marker + "/members/" + member)
                .then().body("status", equalTo("ACTIVE")));

        as(member).body(Map.of()).when().post("/api/v1/groups/" + group + "/members").then().statusCode(201)
                .body("status", equalTo("ACTIVE")).body("via", equalTo("PAID"));
        awaitEvent(Events.MEMBER_JOINED, group, field("memberId", member));
    }

    @Test
    void aSchemaInvalidPurchaseIsDeadLetteredAndTheNextOneStillCompletesTheEntry() {
        UUID group = paidGroup(UUID.randomUUID());
        UUID member = UUID.randomUUID();
        as(member).body(Map.of()).when().post("/api/v1/groups/" + group + "/members").then().statusCode(201);
        String badId = UUID.randomUUID().toString();
        kafka().send(binary("purchase", member.toString(), badId, "/shop/orders", "shequn.purchase.v1", Instant.now(),
                "{\"orderId\":\"" + UUID.randomUUID() + "\",\"memberId\":\"" + member + "\",\"amount\":-1}"));
        send(member, purchase(UUID.randomUUID(), member, 9900, "CNY", group, 1, 9900));

        var dead = kafka().await("purchase.dlq", r -> badId.equals(io.shequn.localstack.CloudEventRecords.header(r, "ce_id"))
                && "group-service".equals(io.shequn.localstack.CloudEventRecords.header(r, "dlq-consumer")), FRESH);
        assertThat(io.shequn.localstack.CloudEventRecords.header(dead, "dlq-reason")).isEqualTo("schema-invalid");
        await().atMost(FRESH).untilAsserted(() -> as(member).when().get("/api/v1/groups/" + group + "/members/" + member)
                .then().body("status", equalTo("ACTIVE")));
    }

    private static void send(UUID member, String purchase) {
        kafka().send(binary("purchase", member.toString(), UUID.randomUUID().toString(), "/shop/orders",
                "shequn.purchase.v1", Instant.now(), purchase));
    }

    private static String purchase(UUID order, UUID member, long amount, String currency, UUID group, int quantity, long unit) {
        return "{\"orderId\":\"" + order + "\",\"memberId\":\"" + member + "\",\"amount\":" + amount + ",\"currency\":\""
                + currency + "\",\"items\":[{\"sku\":\"book-42\",\"quantity\":1,\"unitAmount\":100},"
                + "{\"sku\":\"group-entry:" + group + "\",\"quantity\":" + quantity + ",\"unitAmount\":" + unit + "}],"
                + "\"purchasedAt\":\"" + Instant.now() + "\"}";
    }
}
