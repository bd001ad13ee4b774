package io.shequn.group.admission;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.shequn.contracts.Events;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;
import java.util.UUID;

import static io.shequn.group.GroupApi.as;
import static io.shequn.group.GroupApi.awaitEvent;
import static io.shequn.group.GroupApi.createGroup;
import static io.shequn.group.GroupApi.events;
import static io.shequn.group.GroupApi.field;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

/** APPROVAL: an application, then approval (member-joined via APPROVAL) or rejection with a reason. */
@QuarkusTest
class ApprovalAdmissionTest {

    @Test
    void anApplicationIsApprovedByAnAdminAndPublishesMemberJoinedViaApproval() {
        UUID owner = UUID.randomUUID();
        UUID applicant = UUID.randomUUID();
        UUID group = createGroup(owner, Map.of("admission", Map.of("mode", "APPROVAL")));

        as(applicant).body(Map.of("intro", Map.of("occupation", "teacher"))).when().post("/api/v1/groups/" + group + "/members")
                .then().statusCode(201).body("status", equalTo("PENDING_APPROVAL")).body("intro.occupation", equalTo("teacher"));
        as(applicant).body(Map.of()).when().post("/api/v1/groups/" + group + "/members").then().statusCode(409);
        as(owner).when().get("/api/v1/groups/" + group + "/applications").then().statusCode(200)
                .body("items.memberId", hasItem(applicant.toString()));
        assertThat(events(Events.MEMBER_JOINED, group, field("memberId", applicant), Duration.ofSeconds(1))).isEmpty();

        as(owner).when().post("/api/v1/groups/" + group + "/applications/" + applicant + "/approve")
                .then().statusCode(200).body("status", equalTo("ACTIVE")).body("via", equalTo("APPROVAL"));
        JsonNode joined = awaitEvent(Events.MEMBER_JOINED, group, field("memberId", applicant));
        assertThat(joined.get("via").asText()).isEqualTo("APPROVAL");
        as(owner).when().post("/api/v1/groups/" + group + "/applications/" + applicant + "/approve").then().statusCode(404);
    }

    @Test
    void aRejectionNeedsAReasonAndTheApplicantMayApplyAgain() {
        UUID owner = UUID.randomUUID();
        UUID applicant = UUID.randomUUID();
        UUID group = createGroup(owner, Map.of("admission", Map.of("mode", "APPROVAL")));
        as(applicant).body(Map.of()).when().post("/api/v1/groups/" + group + "/members").then().statusCode(201);

        as(owner).body(Map.of()).when().post("/api/v1/groups/" + group + "/applications/" + applicant + "/reject")
                .then().statusCode(400);
        as(owner).body(Map.of("reason", "Please introduce yourself first"))
                .when().post("/api/v1/groups/" + group + "/applications/" + applicant + "/reject")
                .then().statusCode(200).body("status", equalTo("REJECTED"))
                .body("decisionReason", equalTo("Please introduce yourself first"));
        as(applicant).when().get("/api/v1/groups/" + group + "/members/" + applicant).then().statusCode(200)
                .body("status", equalTo("REJECTED"));
        as(applicant).body(Map.of()).when().post("/api/v1/groups/" + group + "/members").then().statusCode(201)
                .body("status", equalTo("PENDING_APPROVAL"));
    }

    @Test
    void pendingApplicationsAreListedForAdminsOnlyAndAWithdrawnApplicationIsGone() {
        UUID owner = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        UUID applicant = UUID.randomUUID();
        UUID group = createGroup(owner, Map.of("admission", Map.of("mode", "APPROVAL")));
        as(member).body(Map.of()).when().post("/api/v1/groups/" + group + "/members").then().statusCode(201);
        as(owner).when().post("/api/v1/groups/" + group + "/applications/" + member + "/approve").then().statusCode(200);
        as(applicant).body(Map.of()).when().post("/api/v1/groups/" + group + "/members").then().statusCode(201);

        as(owner).queryParam("status", "PENDING_APPROVAL").when().get("/api/v1/groups/" + group + "/members").then()
                .statusCode(200).body("items.memberId", equalTo(java.util.List.of(applicant.toString())));
        as(member).queryParam("status", "PENDING_APPROVAL").when().get("/api/v1/groups/" + group + "/members").then()
                .statusCode(403);
        as(applicant).when().get("/api/v1/members/" + applicant + "/groups").then()
                .body("totalItems", equalTo(0));
        as(applicant).queryParam("status", "PENDING_APPROVAL").when().get("/api/v1/members/" + applicant + "/groups").then()
                .body("items.groupId", equalTo(java.util.List.of(group.toString())));

        as(applicant).when().delete("/api/v1/groups/" + group + "/members/" + applicant).then().statusCode(200)
                .body("status", equalTo("LEFT"));
        as(owner).when().get("/api/v1/groups/" + group + "/applications").then().body("totalItems", equalTo(0));
        assertThat(events(Events.MEMBER_LEFT, group, field("memberId", applicant), Duration.ofSeconds(1))).isEmpty();
    }

    @Test
    void approvalRespectsCapacity() {
        UUID owner = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        UUID group = createGroup(owner, Map.of("capacity", 2, "admission", Map.of("mode", "APPROVAL")));
        as(first).body(Map.of()).when().post("/api/v1/groups/" + group + "/members").then().statusCode(201);
        as(second).body(Map.of()).when().post("/api/v1/groups/" + group + "/members").then().statusCode(201);
        as(owner).when().post("/api/v1/groups/" + group + "/applications/" + first + "/approve").then().statusCode(200);
        as(owner).when().post("/api/v1/groups/" + group + "/applications/" + second + "/approve").then().statusCode(409)
                .body("type", equalTo("https://shequn.io/problems/group-full"));
    }
}
