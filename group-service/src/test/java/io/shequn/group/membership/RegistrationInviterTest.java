package io.shequn.group.membership;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.shequn.contracts.Events;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.shequn.group.GroupApi.FRESH;
import static io.shequn.group.GroupApi.as;
import static io.shequn.group.GroupApi.awaitEvent;
import static io.shequn.group.GroupApi.createGroup;
import static io.shequn.group.GroupApi.events;
import static io.shequn.group.GroupApi.field;
import static io.shequn.group.GroupApi.join;
import static io.shequn.group.GroupApi.kafka;
import static io.shequn.localstack.CloudEventRecords.binary;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/**
 * docs/analytics.md, "Registration inviters": a first join of a group without a group invite code
 * names, in member-joined.inviterId, the member who invited the joiner to register, if that
 * inviter is a current member of the group; a group invite code names its own owner; admission
 * does not change.
 */
@QuarkusTest
class RegistrationInviterTest {

    /** Asking for the region makes a join wait until the joiner's registration has been read here. */
    private static final Map<String, Object> OPEN = Map.of("mode", "OPEN", "requiredIntroFields", List.of("region"));

    @Test
    void aFirstJoinWithoutACodeCreditsTheRegistrationInviterWhoIsAMemberThere() {
        UUID inviter = UUID.randomUUID();
        UUID invitee = UUID.randomUUID();
        registered(invitee, inviter);
        UUID open = createGroup(inviter, Map.of("admission", OPEN));
        UUID vetted = createGroup(inviter, Map.of("admission", Map.of("mode", "APPROVAL", "requiredIntroFields", List.of("region"))));
        UUID inviteOnly = createGroup(inviter, Map.of("admission", Map.of("mode", "INVITE_ONLY")));
        UUID elsewhere = createGroup(UUID.randomUUID(), Map.of("admission", OPEN));

        joinOnceKnown(open, invitee).then().statusCode(201).body("status", equalTo("ACTIVE"));
        JsonNode joined = awaitEvent(Events.MEMBER_JOINED, open, field("memberId", invitee));
        assertThat(joined.get("via").asText()).isEqualTo("OPEN");
        assertThat(joined.get("inviterId").asText()).isEqualTo(inviter.toString());

        // Approval: credited the same way once the owner admits them.
        joinOnceKnown(vetted, invitee).then().statusCode(201).body("status", equalTo("PENDING_APPROVAL"));
        as(inviter).when().post("/api/v1/groups/" + vetted + "/applications/" + invitee + "/approve").then().statusCode(200);
        JsonNode approved = awaitEvent(Events.MEMBER_JOINED, vetted, field("memberId", invitee));
        assertThat(approved.get("via").asText()).isEqualTo("APPROVAL");
        assertThat(approved.get("inviterId").asText()).isEqualTo(inviter.toString());

        // Only a group invite code opens an INVITE_ONLY group.
        as(invitee).body(Map.of()).when().post("/api/v1/groups/" + inviteOnly + "/members").then().statusCode(403)
                .body("type", equalTo("https://shequn.io/problems/invite-required"));

        // The inviter is no member of this group: nobody is credited.
        joinOnceKnown(elsewhere, invitee).then().statusCode(201);
        assertThat(awaitEvent(Events.MEMBER_JOINED, elsewhere, field("memberId", invitee)).hasNonNull("inviterId")).isFalse();
    }

    @Test
    void aGroupInviteCodeIsCreditedBeforeTheRegistrationInviterAndARejoinCreditsNobody() {
        UUID inviter = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        UUID invitee = UUID.randomUUID();
        registered(invitee, inviter);
        UUID group = createGroup(inviter, Map.of("admission", OPEN));
        registered(other, null);
        joinOnceKnown(group, other).then().statusCode(201);
        String code = as(other).when().post("/api/v1/groups/" + group + "/invites").then().statusCode(200).extract().path("code");

        await().atMost(FRESH).until(() -> as(invitee).body(Map.of("inviteCode", code)).when()
                .post("/api/v1/groups/" + group + "/members").statusCode() == 201);
        JsonNode joined = awaitEvent(Events.MEMBER_JOINED, group, field("memberId", invitee));
        assertThat(joined.get("via").asText()).isEqualTo("INVITE");
        assertThat(joined.get("inviterId").asText()).isEqualTo(other.toString());

        as(invitee).when().delete("/api/v1/groups/" + group + "/members/" + invitee).then().statusCode(200);
        join(group, invitee);
        List<JsonNode> joins = events(Events.MEMBER_JOINED, group, field("memberId", invitee), Duration.ofSeconds(2));
        assertThat(joins).hasSize(2);
        assertThat(joins.get(1).hasNonNull("inviterId")).as("a rejoin is not a first join").isFalse();
    }

    /** What member-service publishes for a registration, with the inviter whose code was used (or none). */
    private static void registered(UUID member, UUID invitedBy) {
        String inviter = invitedBy == null ? "" : ",\"invitedBy\":\"" + invitedBy + "\"";
        kafka().send(binary("member-registered", member.toString(), UUID.randomUUID().toString(), "/shequn/member-service",
                "shequn.member-registered.v1", Instant.now(),
                "{\"memberId\":\"" + member + "\",\"displayName\":\"Li Lei\",\"region\":\"Hangzhou\",\"tags\":[]" + inviter
                        + ",\"registeredAt\":\"" + Instant.now() + "\"}"));
    }

    /** Asks to join without a code, again while the registration has not been read here (422). */
    private static Response joinOnceKnown(UUID group, UUID member) {
        Response[] answer = new Response[1];
        await().atMost(FRESH).until(() -> {
            answer[0] = as(member).body(Map.of()).when().post("/api/v1/groups/" + group + "/members");
            return answer[0].statusCode() != 422;
        });
        return answer[0];
    }
}
