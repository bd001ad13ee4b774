package io.shequn.group.invites;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.shequn.contracts.Events;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.shequn.group.GroupApi.PROBLEM_JSON;
import static io.shequn.group.GroupApi.as;
import static io.shequn.group.GroupApi.asOperator;
import static io.shequn.group.GroupApi.awaitEvent;
import static io.shequn.group.GroupApi.createGroup;
import static io.shequn.group.GroupApi.field;
import static io.shequn.group.GroupApi.join;
import static io.shequn.group.GroupApi.openGroup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** INVITE_ONLY end to end: personal codes, joining via INVITE with the inviter, and per-code stats. */
@QuarkusTest
class InviteOnlyAdmissionTest {

    @Test
    void aValidCodeOfACurrentMemberAdmitsViaInviteWithTheInviter() {
        UUID owner = UUID.randomUUID();
        UUID friend = UUID.randomUUID();
        UUID group = createGroup(owner, Map.of("admission", Map.of("mode", "INVITE_ONLY")));
        String code = as(owner).when().post("/api/v1/groups/" + group + "/invites").then().statusCode(200)
                .body("memberId", equalTo(owner.toString())).extract().path("code");
        as(owner).when().post("/api/v1/groups/" + group + "/invites").then().body("code", equalTo(code));

        as(friend).body(Map.of()).when().post("/api/v1/groups/" + group + "/members")
                .then().statusCode(403).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://shequn.io/problems/invite-required"));
        as(friend).body(Map.of("inviteCode", "NOPE2345")).when().post("/api/v1/groups/" + group + "/members")
                .then().statusCode(422).body("type", equalTo("https://shequn.io/problems/invalid-invite-code"));
        as(friend).body(Map.of("inviteCode", code.toLowerCase())).when().post("/api/v1/groups/" + group + "/members")
                .then().statusCode(201)
                .body("status", equalTo("ACTIVE")).body("via", equalTo("INVITE")).body("inviterId", equalTo(owner.toString()));

        JsonNode joined = awaitEvent(Events.MEMBER_JOINED, group, field("memberId", friend));
        assertThat(joined.get("via").asText()).isEqualTo("INVITE");
        assertThat(joined.get("inviterId").asText()).isEqualTo(owner.toString());
    }

    @Test
    void aCodeFromAnotherGroupOrOfAMemberWhoLeftIsInvalid() {
        UUID owner = UUID.randomUUID();
        UUID inviter = UUID.randomUUID();
        UUID group = createGroup(owner, Map.of("admission", Map.of("mode", "INVITE_ONLY")));
        UUID other = openGroup(UUID.randomUUID());
        join(other, inviter);
        String otherCode = as(inviter).when().post("/api/v1/groups/" + other + "/invites").then().statusCode(200)
                .extract().path("code");
        as(UUID.randomUUID()).body(Map.of("inviteCode", otherCode)).when().post("/api/v1/groups/" + group + "/members")
                .then().statusCode(422);

        as(inviter).when().delete("/api/v1/groups/" + other + "/members/" + inviter).then().statusCode(200);
        as(UUID.randomUUID()).body(Map.of("inviteCode", otherCode)).when().post("/api/v1/groups/" + other + "/members")
                .then().statusCode(422);
    }

    @Test
    void onlyCurrentMembersHaveCodes() {
        UUID group = openGroup(UUID.randomUUID());
        as(UUID.randomUUID()).when().post("/api/v1/groups/" + group + "/invites").then().statusCode(403);
    }

    @Test
    void statsCountWhoJoinedThroughEachCode() {
        UUID owner = UUID.randomUUID();
        UUID kol = UUID.randomUUID();
        UUID group = openGroup(owner);
        join(group, kol);
        String code = as(kol).when().post("/api/v1/groups/" + group + "/invites").then().extract().path("code");
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        as(first).body(Map.of("inviteCode", code)).when().post("/api/v1/groups/" + group + "/members").then().statusCode(201)
                .body("via", equalTo("INVITE"));
        as(second).body(Map.of("inviteCode", code)).when().post("/api/v1/groups/" + group + "/members").then().statusCode(201);
        as(second).when().delete("/api/v1/groups/" + group + "/members/" + second).then().statusCode(200);

        as(owner).when().get("/api/v1/groups/" + group + "/invites/stats").then().statusCode(200)
                .body("items.find { it.code == '" + code + "' }.memberId", equalTo(kol.toString()))
                .body("items.find { it.code == '" + code + "' }.joined", equalTo(2))
                .body("items.find { it.code == '" + code + "' }.stillMembers", equalTo(1));
        as(kol).when().get("/api/v1/groups/" + group + "/invites/stats").then().statusCode(403);
        asOperator().when().get("/api/v1/groups/" + group + "/invites/stats").then().statusCode(200);
    }
}
