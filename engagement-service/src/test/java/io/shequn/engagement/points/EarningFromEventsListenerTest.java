package io.shequn.engagement.points;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.shequn.contracts.Events;
import io.shequn.contracts.events.GroupRole;
import io.shequn.contracts.events.JoinVia;
import io.shequn.contracts.events.MemberJoined;
import io.shequn.contracts.events.Purchase;
import io.shequn.engagement.PublishedEvents;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.shequn.engagement.GroupEvents.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/** Referral and purchase rewards come from events and are applied once, however often the events arrive. */
@QuarkusTest
class EarningFromEventsListenerTest {

    private static final String SHOP = "/shop/orders";

    @Test
    void theInviterEarnsTheReferralRewardOnceEvenWhenTheJoinIsRedeliveredOrReplayed() {
        UUID group = UUID.randomUUID();
        UUID inviter = UUID.randomUUID();
        UUID invitee = UUID.randomUUID();
        MemberJoined joined = new MemberJoined(group, invitee, GroupRole.MEMBER, JoinVia.INVITE, inviter, Instant.now());
        String eventId = publish(Events.MEMBER_JOINED, joined, GROUP_SERVICE);
        publish(Events.MEMBER_JOINED, joined, GROUP_SERVICE, eventId);
        publish(Events.MEMBER_JOINED, joined, GROUP_SERVICE);

        await().atMost(FRESH).until(() -> balance(inviter) == 50);
        // A join keyed by the same group lands on the same partition after the copies.
        join(group, UUID.randomUUID());
        assertThat(balance(inviter)).isEqualTo(50);
        JsonNode referral = PublishedEvents.await(Events.POINTS_CHANGED, inviter, e -> true);
        assertThat(referral.get("reason").asText()).isEqualTo("REFERRAL");
        assertThat(referral.get("groupId").asText()).isEqualTo(group.toString());
        assertThat(PublishedEvents.all(Events.POINTS_CHANGED, inviter, e -> true, java.time.Duration.ofSeconds(2))).hasSize(1);
    }

    @Test
    void theInviterAJoinCreditsEarnsTheRewardWhicheverWayTheMemberWasAdmitted() {
        UUID group = UUID.randomUUID();
        UUID inviter = UUID.randomUUID();
        // An approved application with a code, a paid entry, and an open join crediting the registration inviter.
        publishJoin(group, UUID.randomUUID(), GroupRole.MEMBER, JoinVia.APPROVAL, inviter, Instant.now());
        publishJoin(group, UUID.randomUUID(), GroupRole.MEMBER, JoinVia.PAID, inviter, Instant.now());
        publishJoin(group, UUID.randomUUID(), GroupRole.MEMBER, JoinVia.OPEN, inviter, Instant.now());
        await().atMost(FRESH).until(() -> balance(inviter) == 150);
        // Keyed by group: a later join is read after all of them.
        join(group, UUID.randomUUID());
        assertThat(balance(inviter)).isEqualTo(150);
    }

    @Test
    void aPurchaseEarnsPointsPerCurrencyUnitOnceEvenWhenRedeliveredOrReplayed() {
        UUID member = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        Purchase purchase = new Purchase(order, member, 12_345, "CNY", null, null, null, Instant.now());
        String eventId = publish(Events.PURCHASE, purchase, SHOP);
        publish(Events.PURCHASE, purchase, SHOP, eventId);
        publish(Events.PURCHASE, purchase, SHOP);
        // Keyed by member: the marker order is read after every copy.
        publish(Events.PURCHASE, new Purchase(UUID.randomUUID(), member, 100, "CNY", null, null, null, Instant.now()), SHOP);

        await().atMost(FRESH).until(() -> balance(member) >= 124);
        assertThat(balance(member)).isEqualTo(124);
        JsonNode earned = PublishedEvents.await(Events.POINTS_CHANGED, member, e -> e.get("referenceId").asText().equals(order.toString()));
        assertThat(earned.get("reason").asText()).isEqualTo("PURCHASE");
        assertThat(earned.get("delta").asLong()).isEqualTo(123);
    }

    @Test
    void anEntryFeeWithoutGroupIdEarnsItsPointsInTheGroupItsSkuNames() {
        UUID member = UUID.randomUUID();
        UUID group = UUID.randomUUID();
        UUID order = UUID.randomUUID();
        publish(Events.PURCHASE, new Purchase(order, member, 9_900, "CNY",
                java.util.List.of(new Purchase.Item("group-entry:" + group, 1, 9_900)), null, null, Instant.now()), SHOP);

        JsonNode earned = PublishedEvents.await(Events.POINTS_CHANGED, member, e -> e.get("referenceId").asText().equals(order.toString()));
        assertThat(earned.get("delta").asLong()).isEqualTo(99);
        assertThat(earned.get("groupId").asText()).isEqualTo(group.toString());
    }

    private static long balance(UUID member) {
        return given().auth().oauth2(memberToken(member)).when().get("/api/v1/members/me/points")
                .then().statusCode(200).extract().jsonPath().getLong("balance");
    }
}
