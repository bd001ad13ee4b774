package io.shequn.engagement.health;

import io.quarkus.test.junit.QuarkusMock;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.shequn.contracts.events.MessagePosted;
import io.shequn.engagement.messages.MessageService;
import io.shequn.localstack.KafkaTestClient;
import io.shequn.localstack.LocalStack;
import io.shequn.platform.inbox.ReceivedEvent;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.shequn.localstack.CloudEventRecords.binary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

/**
 * A failure the inbox neither retries nor dead-letters (an {@link Error} while applying a batch:
 * here a class missing from a broken deployment) stops the {@code inbox} channel
 * (failure-strategy=fail), and liveness reports it, naming the channel, so Kubernetes restarts
 * the pod instead of leaving a service that has silently stopped consuming, or dead-lettering
 * every valid event. Before, the transaction wrapped the Error, the event was dead-lettered as
 * handler-failed and liveness stayed UP. A profile of its own: the channel stays dead, so this test
 * gets a Quarkus of its own.
 */
@QuarkusTest
@TestProfile(InboxChannelFailureTest.OwnQuarkus.class)
class InboxChannelFailureTest {

    /** No other setting: only a Quarkus of its own. */
    public static class OwnQuarkus implements QuarkusTestProfile {
    }

    @Test
    void livenessTurnsDownNamingTheInboxChannelWhenItHasFailed() {
        given().when().get("/q/health/live").then().statusCode(200);

        QuarkusMock.installMockForType(new MessageService() {
            @Override
            public void received(MessagePosted event, ReceivedEvent envelope) {
                throw new NoClassDefFoundError("test: a class of the deployment is missing (applying " + envelope.id() + ")");
            }
        }, MessageService.class);
        UUID group = UUID.randomUUID();
        Instant at = Instant.now();
        try (KafkaTestClient bridge = new KafkaTestClient(LocalStack.shared().kafka().bootstrapServers())) {
            bridge.send(binary("message-posted", group.toString(), UUID.randomUUID().toString(), "/bridges/test",
                    "shequn.message-posted.v1", at, """
                            {"messageId":"%s","groupId":"%s","memberId":"%s","kind":"TEXT","length":12,"postedAt":"%s"}"""
                            .formatted(UUID.randomUUID(), group, UUID.randomUUID(), at)));
        }

        await().atMost(Duration.ofMinutes(1)).untilAsserted(() -> given().when().get("/q/health/live").then()
                .statusCode(503)
                .body("checks.find { it.name == 'SmallRye Reactive Messaging - liveness check' }.status", org.hamcrest.Matchers.is("DOWN"))
                .body("checks.find { it.name == 'SmallRye Reactive Messaging - liveness check' }.data.inbox", startsWith("[KO]"))
                .body("checks.findAll { it.status == 'UP' }.name", hasItem("Outbox relay")));
        assertThat(deadLettered()).as("nothing dead-lettered").isZero();
    }

    private static double deadLettered() {
        String metrics = given().when().get("/q/metrics").then().statusCode(200).extract().asString();
        return java.util.regex.Pattern.compile("^shequn_events_dead_lettered_total\\{[^}]*topic=\"message-posted\"[^}]*} ([0-9.E+-]+)$",
                        java.util.regex.Pattern.MULTILINE).matcher(metrics).results()
                .mapToDouble(match -> Double.parseDouble(match.group(1))).sum();
    }
}
