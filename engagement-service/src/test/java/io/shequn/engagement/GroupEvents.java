package io.shequn.engagement;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.shequn.contracts.EventContract;
import io.shequn.contracts.EventData;
import io.shequn.contracts.EventJson;
import io.shequn.contracts.EventSchemas;
import io.shequn.contracts.Events;
import io.shequn.contracts.events.GroupCreated;
import io.shequn.contracts.events.GroupRole;
import io.shequn.contracts.events.GroupType;
import io.shequn.contracts.events.JoinVia;
import io.shequn.contracts.events.MemberJoined;
import io.shequn.contracts.events.MemberLeft;
import io.shequn.contracts.events.MemberRoleChanged;
import io.shequn.contracts.events.LeaveReason;
import io.shequn.localstack.KafkaTestClient;
import io.shequn.localstack.LocalStack;
import org.eclipse.microprofile.config.ConfigProvider;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.shequn.localstack.CloudEventRecords.binary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * What group-service (or a shop, or a chat bridge) would publish, sent to the real Kafka the
 * service consumes: the only way membership reaches engagement-service.
 */
public final class GroupEvents {

    public static final String GROUP_SERVICE = "/shequn/group-service";
    /**
     * How long an event may take to show. An upper bound, not a target: the first event of a fresh
     * test JVM waits for its topic to be created and the inbox consumer to be assigned it, which on
     * the shared 2-core machine under load took longer than 15 s (BadInputTest runs first).
     */
    public static final Duration FRESH = Duration.ofSeconds(60);

    private static KafkaTestClient kafka;

    private GroupEvents() {
    }

    public static synchronized KafkaTestClient kafka() {
        if (kafka == null) {
            kafka = new KafkaTestClient(ConfigProvider.getConfig().getValue("kafka.bootstrap.servers", String.class));
        }
        return kafka;
    }

    /** Sends {@code data} as a binary-mode CloudEvent keyed like the catalogue says; returns the event id. */
    public static <T extends EventData> String publish(EventContract<T> contract, T data, String source) {
        String id = UUID.randomUUID().toString();
        publish(contract, data, source, id);
        return id;
    }

    public static <T extends EventData> void publish(EventContract<T> contract, T data, String source, String eventId) {
        try {
            String json = EventJson.mapper().writeValueAsString(data);
            assertThat(EventSchemas.violations(contract, EventJson.mapper().readTree(json))).isEmpty();
            kafka().send(binary(contract.topic(), data.aggregateId().toString(), eventId, source, contract.type(),
                    Instant.now(), json));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    public static void groupCreated(UUID group, ZoneId zone) {
        publish(Events.GROUP_CREATED, new GroupCreated(group, "Group " + group, GroupType.INTEREST, UUID.randomUUID(), zone,
                null, Instant.now()), GROUP_SERVICE);
        await().atMost(FRESH).until(() -> zone.getId().equals(given().auth().oauth2(operatorToken())
                .when().get("/api/v1/groups/" + group + "/engagement-rules")
                .then().statusCode(200).extract().path("timeZone")));
    }

    /** The member joins (openly, as an ordinary member) and the service knows it. */
    public static void join(UUID group, UUID member) {
        join(group, member, GroupRole.MEMBER);
    }

    public static void join(UUID group, UUID member, GroupRole role) {
        publishJoin(group, member, role, JoinVia.OPEN, null, Instant.now());
        awaitMember(group, member);
    }

    /** {@code count} new members join (openly) and the service knows them all. */
    public static List<UUID> joinMany(UUID group, int count) {
        List<UUID> members = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            UUID member = UUID.randomUUID();
            publishJoin(group, member, GroupRole.MEMBER, JoinVia.OPEN, null, Instant.now());
            members.add(member);
        }
        // One group's events share a partition (keyed by group), so they are applied in order.
        await().atMost(Duration.ofSeconds(120)).until(() -> rulesStatus(group, members.get(count - 1)) == 200);
        return members;
    }

    public static String publishJoin(UUID group, UUID member, GroupRole role, JoinVia via, UUID inviter, Instant at) {
        return publish(Events.MEMBER_JOINED, new MemberJoined(group, member, role, via, inviter, at), GROUP_SERVICE);
    }

    public static void leave(UUID group, UUID member, LeaveReason reason) {
        publish(Events.MEMBER_LEFT, new MemberLeft(group, member, reason, null, Instant.now()), GROUP_SERVICE);
        await().atMost(FRESH).until(() -> rulesStatus(group, member) == 403);
    }

    public static void changeRole(UUID group, UUID member, GroupRole role) {
        publish(Events.MEMBER_ROLE_CHANGED, new MemberRoleChanged(group, member, role, UUID.randomUUID(), Instant.now()),
                GROUP_SERVICE);
    }

    public static void awaitMember(UUID group, UUID member) {
        await().atMost(FRESH).until(() -> rulesStatus(group, member) == 200);
    }

    public static int rulesStatus(UUID group, UUID member) {
        return given().auth().oauth2(memberToken(member))
                .when().get("/api/v1/groups/" + group + "/engagement-rules")
                .then().extract().statusCode();
    }

    public static String memberToken(UUID member) {
        return LocalStack.shared().tokens().member(member);
    }

    public static String operatorToken() {
        return LocalStack.shared().tokens().operator(UUID.randomUUID());
    }
}
