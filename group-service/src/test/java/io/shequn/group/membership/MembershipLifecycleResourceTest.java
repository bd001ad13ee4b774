package io.shequn.group.membership;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.shequn.contracts.Events;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.shequn.group.GroupApi.PROBLEM_JSON;
import static io.shequn.group.GroupApi.as;
import static io.shequn.group.GroupApi.asOperator;
import static io.shequn.group.GroupApi.awaitEvent;
import static io.shequn.group.GroupApi.events;
import static io.shequn.group.GroupApi.field;
import static io.shequn.group.GroupApi.join;
import static io.shequn.group.GroupApi.openGroup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

/** OPEN join, leave, removal, ban and rejoin over REST, with their events on Kafka. */
@QuarkusTest
class MembershipLifecycleResourceTest {

    @Test
    void anOpenGroupAdmitsAtOnceAndPublishesMemberJoined() {
        UUID owner = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        UUID group = openGroup(owner);

        as(member).body(Map.of()).when().post("/api/v1/groups/" + group + "/members")
                .then().statusCode(201)
                .body("status", equalTo("ACTIVE"))
                .body("role", equalTo("MEMBER"))
                .body("via", equalTo("OPEN"))
                .body("joinedAt", notNullValue());

        JsonNode joined = awaitEvent(Events.MEMBER_JOINED, group, field("memberId", member));
        assertThat(joined.get("groupId").asText()).isEqualTo(group.toString());
        assertThat(joined.get("role").asText()).isEqualTo("MEMBER");
        assertThat(joined.get("via").asText()).isEqualTo("OPEN");
        assertThat(joined.hasNonNull("joinedAt")).isTrue();

        as(owner).when().get("/api/v1/groups/" + group).then().body("memberCount", equalTo(2));
        as(member).queryParam("role", "MEMBER").when().get("/api/v1/groups/" + group + "/members").then().statusCode(200)
                .body("items.memberId", equalTo(List.of(member.toString())));
    }

    @Test
    void joiningTwiceIsAConflict() {
        UUID member = UUID.randomUUID();
        UUID group = openGroup(UUID.randomUUID());
        join(group, member);
        as(member).body(Map.of()).when().post("/api/v1/groups/" + group + "/members")
                .then().statusCode(409).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://shequn.io/problems/already-member"));
    }

    @Test
    void leavingPublishesMemberLeftAndRejoiningIsANewPeriod() {
        UUID member = UUID.randomUUID();
        UUID group = openGroup(UUID.randomUUID());
        String first = as(member).body(Map.of()).when().post("/api/v1/groups/" + group + "/members")
                .then().statusCode(201).extract().path("id");

        as(member).when().delete("/api/v1/groups/" + group + "/members/" + member)
                .then().statusCode(200).body("status", equalTo("LEFT")).body("endReason", equalTo("LEFT"));
        JsonNode left = awaitEvent(Events.MEMBER_LEFT, group, field("memberId", member));
        assertThat(left.get("reason").asText()).isEqualTo("LEFT");
        assertThat(left.hasNonNull("leftAt")).isTrue();

        String second = as(member).body(Map.of()).when().post("/api/v1/groups/" + group + "/members")
                .then().statusCode(201).body("status", equalTo("ACTIVE")).extract().path("id");
        assertThat(second).isNotEqualTo(first);
        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(15)).until(() ->
                events(Events.MEMBER_JOINED, group, field("memberId", member), Duration.ofMillis(500)).size() == 2);
        as(member).queryParam("status", "LEFT").when().get("/api/v1/groups/" + group + "/members").then().statusCode(200)
                .body("items.id", equalTo(List.of(first)));
    }

    @Test
    void theOwnerCannotLeaveWithoutTransferringOwnership() {
        UUID owner = UUID.randomUUID();
        UUID group = openGroup(owner);
        as(owner).when().delete("/api/v1/groups/" + group + "/members/" + owner)
                .then().statusCode(409).contentType(PROBLEM_JSON);
    }

    @Test
    void anAdminRemovesAMemberWithAReasonThatGoesIntoTheEvent() {
        UUID owner = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        UUID group = openGroup(owner);
        join(group, member);

        as(owner).when().delete("/api/v1/groups/" + group + "/members/" + member)
                .then().statusCode(400).contentType(PROBLEM_JSON);
        as(owner).queryParam("reason", "Posted ads").when().delete("/api/v1/groups/" + group + "/members/" + member)
                .then().statusCode(200).body("status", equalTo("REMOVED")).body("endDetail", equalTo("Posted ads"));

        JsonNode left = awaitEvent(Events.MEMBER_LEFT, group, field("memberId", member));
        assertThat(left.get("reason").asText()).isEqualTo("REMOVED");
        assertThat(left.get("detail").asText()).isEqualTo("Posted ads");
        // Removal is not a ban: the member may come back.
        join(group, member);
    }

    @Test
    void aBannedMemberLeavesAndCannotRejoinUntilUnbanned() {
        UUID owner = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        UUID group = openGroup(owner);
        join(group, member);

        as(owner).body(Map.of("memberId", member, "reason", "Harassment")).when().post("/api/v1/groups/" + group + "/bans")
                .then().statusCode(201).body("memberId", equalTo(member.toString())).body("bannedBy", equalTo(owner.toString()));
        JsonNode left = awaitEvent(Events.MEMBER_LEFT, group, field("memberId", member));
        assertThat(left.get("reason").asText()).isEqualTo("BANNED");
        assertThat(left.get("detail").asText()).isEqualTo("Harassment");

        as(member).body(Map.of()).when().post("/api/v1/groups/" + group + "/members")
                .then().statusCode(403).contentType(PROBLEM_JSON)
                .body("type", equalTo("https://shequn.io/problems/banned"));
        as(owner).body(Map.of("memberId", member, "reason", "Again")).when().post("/api/v1/groups/" + group + "/bans")
                .then().statusCode(409);
        as(owner).when().get("/api/v1/groups/" + group + "/bans").then().statusCode(200)
                .body("items.memberId", hasItem(member.toString()));

        as(member).when().delete("/api/v1/groups/" + group + "/bans/" + member).then().statusCode(403);
        as(owner).when().delete("/api/v1/groups/" + group + "/bans/" + member).then().statusCode(204);
        join(group, member);
    }

    /**
     * Bans, removals, rejections and applications carry decisions and reasons: fellow members see
     * them neither through the member list nor through one member's record, as they do not see
     * /bans or /applications; the owner does, and so does the member concerned.
     */
    @Test
    void moderationRecordsAreForTheOwnerAdminsAndTheMemberConcernedLikeTheBanList() {
        UUID owner = UUID.randomUUID();
        UUID fellow = UUID.randomUUID();
        UUID banned = UUID.randomUUID();
        UUID group = openGroup(owner);
        join(group, fellow);
        join(group, banned);
        as(owner).body(Map.of("memberId", banned, "reason", "Harassment")).when().post("/api/v1/groups/" + group + "/bans")
                .then().statusCode(201);

        as(fellow).when().get("/api/v1/groups/" + group + "/bans").then().statusCode(403);
        for (String status : List.of("BANNED", "REMOVED", "REJECTED", "PENDING_APPROVAL", "PENDING_PAYMENT")) {
            as(fellow).queryParam("status", status).when().get("/api/v1/groups/" + group + "/members")
                    .then().statusCode(403).contentType(PROBLEM_JSON);
        }
        as(fellow).when().get("/api/v1/groups/" + group + "/members/" + banned).then().statusCode(403).contentType(PROBLEM_JSON);

        as(owner).queryParam("status", "BANNED").when().get("/api/v1/groups/" + group + "/members").then().statusCode(200)
                .body("items.memberId", equalTo(List.of(banned.toString()))).body("items[0].endDetail", equalTo("Harassment"));
        as(owner).when().get("/api/v1/groups/" + group + "/members/" + banned).then().statusCode(200)
                .body("status", equalTo("BANNED"));
        as(banned).when().get("/api/v1/groups/" + group + "/members/" + banned).then().statusCode(200)
                .body("status", equalTo("BANNED"));
        as(fellow).queryParam("status", "LEFT").when().get("/api/v1/groups/" + group + "/members").then().statusCode(200);
        as(fellow).when().get("/api/v1/groups/" + group + "/members/" + owner).then().statusCode(200).body("role", equalTo("OWNER"));
    }

    @Test
    void aMemberCanBeBannedBeforeTheyEverJoin() {
        UUID owner = UUID.randomUUID();
        UUID stranger = UUID.randomUUID();
        UUID group = openGroup(owner);
        asOperator().body(Map.of("memberId", stranger, "reason", "Known spammer")).when().post("/api/v1/groups/" + group + "/bans")
                .then().statusCode(201);
        as(stranger).body(Map.of()).when().post("/api/v1/groups/" + group + "/members").then().statusCode(403);
    }

    @Test
    void membersOfAGroupSeeItsMemberListAndOthersDoNot() {
        UUID owner = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        UUID group = openGroup(owner);
        join(group, member);
        as(member).when().get("/api/v1/groups/" + group + "/members").then().statusCode(200)
                .body("totalItems", equalTo(2))
                .body("items.role", hasItem("OWNER"));
        as(UUID.randomUUID()).when().get("/api/v1/groups/" + group + "/members").then().statusCode(403);
        asOperator().queryParam("size", 1).when().get("/api/v1/groups/" + group + "/members").then().statusCode(200)
                .body("items.size()", equalTo(1)).body("totalPages", equalTo(2));
        as(member).when().get("/api/v1/groups/" + group + "/members/" + member).then().statusCode(200)
                .body("status", equalTo("ACTIVE"));
    }

    @Test
    void aMemberListsTheirOwnGroupsButNotSomeoneElses() {
        UUID member = UUID.randomUUID();
        UUID first = openGroup(UUID.randomUUID());
        UUID second = openGroup(UUID.randomUUID());
        join(first, member);
        join(second, member);
        as(member).when().get("/api/v1/members/" + member + "/groups").then().statusCode(200)
                .body("totalItems", equalTo(2))
                .body("items.groupId", hasItem(first.toString()))
                .body("items.groupId", hasItem(second.toString()));
        as(UUID.randomUUID()).when().get("/api/v1/members/" + member + "/groups").then().statusCode(403);
        asOperator().when().get("/api/v1/members/" + member + "/groups").then().statusCode(200).body("totalItems", equalTo(2));
        as(member).when().delete("/api/v1/groups/" + first + "/members/" + member).then().statusCode(200);
        as(member).when().get("/api/v1/members/" + member + "/groups").then()
                .body("items.groupId", not(hasItem(first.toString())));
    }
}
