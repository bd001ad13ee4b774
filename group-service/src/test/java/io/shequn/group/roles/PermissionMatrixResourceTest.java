package io.shequn.group.roles;

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
import static io.shequn.group.GroupApi.setRole;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

/** The permission matrix end to end: the cells the issue names, plus role changes and ownership transfer with their events. */
@QuarkusTest
class PermissionMatrixResourceTest {

    private final UUID owner = UUID.randomUUID();
    private final UUID admin = UUID.randomUUID();
    private final UUID otherAdmin = UUID.randomUUID();
    private final UUID kol = UUID.randomUUID();
    private final UUID member = UUID.randomUUID();

    private UUID staffedGroup() {
        UUID group = openGroup(owner);
        for (UUID m : new UUID[]{admin, otherAdmin, kol, member}) {
            join(group, m);
        }
        setRole(group, owner, admin, "ADMIN");
        setRole(group, owner, otherAdmin, "ADMIN");
        setRole(group, admin, kol, "KOL");
        return group;
    }

    @Test
    void aMemberCannotApproveAnApplication() {
        UUID group = createGroup(owner, Map.of("admission", Map.of("mode", "APPROVAL")));
        UUID applicant = UUID.randomUUID();
        UUID plain = UUID.randomUUID();
        as(applicant).body(Map.of()).when().post("/api/v1/groups/" + group + "/members").then().statusCode(201)
                .body("status", equalTo("PENDING_APPROVAL"));
        as(plain).body(Map.of()).when().post("/api/v1/groups/" + group + "/members").then().statusCode(201);
        as(owner).when().post("/api/v1/groups/" + group + "/applications/" + plain + "/approve").then().statusCode(200);

        as(plain).when().post("/api/v1/groups/" + group + "/applications/" + applicant + "/approve")
                .then().statusCode(403).contentType(PROBLEM_JSON);
        as(applicant).when().post("/api/v1/groups/" + group + "/applications/" + applicant + "/approve")
                .then().statusCode(403).contentType(PROBLEM_JSON);
        as(plain).when().get("/api/v1/groups/" + group + "/applications").then().statusCode(403);
    }

    @Test
    void anAdminCannotRemoveTheOwnerOrAnotherAdminButCanRemoveAMember() {
        UUID group = staffedGroup();
        as(admin).queryParam("reason", "coup").when().delete("/api/v1/groups/" + group + "/members/" + owner)
                .then().statusCode(403).contentType(PROBLEM_JSON);
        as(admin).queryParam("reason", "rivalry").when().delete("/api/v1/groups/" + group + "/members/" + otherAdmin)
                .then().statusCode(403).contentType(PROBLEM_JSON);
        as(admin).body(Map.of("memberId", otherAdmin, "reason", "rivalry")).when().post("/api/v1/groups/" + group + "/bans")
                .then().statusCode(403);
        as(admin).queryParam("reason", "spam").when().delete("/api/v1/groups/" + group + "/members/" + member)
                .then().statusCode(200);
        as(owner).queryParam("reason", "inactive").when().delete("/api/v1/groups/" + group + "/members/" + otherAdmin)
                .then().statusCode(200);
    }

    @Test
    void aKolCannotBanOrRemove() {
        UUID group = staffedGroup();
        as(kol).body(Map.of("memberId", member, "reason", "dislike")).when().post("/api/v1/groups/" + group + "/bans")
                .then().statusCode(403).contentType(PROBLEM_JSON);
        as(kol).queryParam("reason", "dislike").when().delete("/api/v1/groups/" + group + "/members/" + member)
                .then().statusCode(403);
        as(admin).body(Map.of("memberId", member, "reason", "spam")).when().post("/api/v1/groups/" + group + "/bans")
                .then().statusCode(201);
    }

    @Test
    void onlyTheOwnerMakesAdminsAndRoleChangesArePublished() {
        UUID group = staffedGroup();
        JsonNode made = awaitEvent(Events.MEMBER_ROLE_CHANGED, group, field("memberId", admin));
        assertThat(made.get("role").asText()).isEqualTo("ADMIN");
        assertThat(made.get("changedBy").asText()).isEqualTo(owner.toString());
        assertThat(made.hasNonNull("changedAt")).isTrue();
        JsonNode kolMade = awaitEvent(Events.MEMBER_ROLE_CHANGED, group, field("memberId", kol));
        assertThat(kolMade.get("role").asText()).isEqualTo("KOL");
        assertThat(kolMade.get("changedBy").asText()).isEqualTo(admin.toString());

        as(admin).body(Map.of("role", "ADMIN")).when().put("/api/v1/groups/" + group + "/members/" + member + "/role")
                .then().statusCode(403);
        as(admin).body(Map.of("role", "MEMBER")).when().put("/api/v1/groups/" + group + "/members/" + otherAdmin + "/role")
                .then().statusCode(403);
        as(member).body(Map.of("role", "LECTURER")).when().put("/api/v1/groups/" + group + "/members/" + member + "/role")
                .then().statusCode(403);
        as(owner).body(Map.of("role", "OWNER")).when().put("/api/v1/groups/" + group + "/members/" + member + "/role")
                .then().statusCode(403);
        as(admin).body(Map.of("role", "LECTURER")).when().put("/api/v1/groups/" + group + "/members/" + member + "/role")
                .then().statusCode(200).body("role", equalTo("LECTURER"));
        as(owner).body(Map.of("role", "MEMBER")).when().put("/api/v1/groups/" + group + "/members/" + otherAdmin + "/role")
                .then().statusCode(200).body("role", equalTo("MEMBER"));
        as(owner).body(Map.of("role", "KOL")).when().put("/api/v1/groups/" + group + "/members/" + UUID.randomUUID() + "/role")
                .then().statusCode(404);
    }

    @Test
    void ownershipTransferLeavesExactlyOneOwnerAndPublishesBothChanges() {
        UUID group = staffedGroup();
        as(admin).body(Map.of("newOwnerId", admin)).when().post("/api/v1/groups/" + group + "/ownership")
                .then().statusCode(403);
        as(owner).body(Map.of("newOwnerId", UUID.randomUUID())).when().post("/api/v1/groups/" + group + "/ownership")
                .then().statusCode(404);
        as(owner).body(Map.of("newOwnerId", member)).when().post("/api/v1/groups/" + group + "/ownership")
                .then().statusCode(200);

        as(member).when().get("/api/v1/groups/" + group).then().body("ownerId", equalTo(member.toString()));
        as(member).queryParam("role", "OWNER").when().get("/api/v1/groups/" + group + "/members").then()
                .body("totalItems", equalTo(1)).body("items[0].memberId", equalTo(member.toString()));
        as(member).when().get("/api/v1/groups/" + group + "/members/" + owner).then().body("role", equalTo("ADMIN"));

        JsonNode newOwner = awaitEvent(Events.MEMBER_ROLE_CHANGED, group, d -> field("memberId", member).test(d)
                && "OWNER".equals(d.get("role").asText()));
        assertThat(newOwner.get("changedBy").asText()).isEqualTo(owner.toString());
        awaitEvent(Events.MEMBER_ROLE_CHANGED, group, d -> field("memberId", owner).test(d)
                && "ADMIN".equals(d.get("role").asText()));

        // The previous owner, now an admin, can leave; the new owner cannot.
        as(member).when().delete("/api/v1/groups/" + group + "/members/" + member).then().statusCode(409);
        as(owner).when().delete("/api/v1/groups/" + group + "/members/" + owner).then().statusCode(200);
    }

    @Test
    void operatorsActEverywhereButCannotRemoveTheOwner() {
        UUID group = staffedGroup();
        asOperator().queryParam("reason", "terms of service").when().delete("/api/v1/groups/" + group + "/members/" + admin)
                .then().statusCode(200);
        asOperator().queryParam("reason", "no").when().delete("/api/v1/groups/" + group + "/members/" + owner)
                .then().statusCode(403);
        asOperator().body(Map.of("newOwnerId", kol)).when().post("/api/v1/groups/" + group + "/ownership")
                .then().statusCode(200);
    }
}
