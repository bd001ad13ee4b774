package io.shequn.group.groups;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.shequn.contracts.Events;
import org.junit.jupiter.api.Test;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
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
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;

@QuarkusTest
class GroupResourceTest {

    @Test
    void creatingAGroupMakesTheCallerItsOwnerAndPublishesBothEvents() {
        UUID owner = UUID.randomUUID();
        String id = as(owner).body(Map.of("name", " Hangzhou Hikers ", "type", "INTEREST", "purpose", "Weekend hikes",
                        "rules", "Be kind", "capacity", 200))
                .when().post("/api/v1/groups")
                .then().statusCode(201)
                .body("name", equalTo("Hangzhou Hikers"))
                .body("ownerId", equalTo(owner.toString()))
                .body("status", equalTo("ACTIVE"))
                .body("timeZone", equalTo("Asia/Shanghai"))
                .body("capacity", equalTo(200))
                .body("memberCount", equalTo(1))
                .body("strikeLimit", equalTo(3))
                .body("admission.mode", equalTo("OPEN"))
                .extract().path("id");
        UUID group = UUID.fromString(id);

        JsonNode created = awaitEvent(Events.GROUP_CREATED, group, d -> true);
        assertThat(created.get("groupId").asText()).isEqualTo(id);
        assertThat(created.get("name").asText()).isEqualTo("Hangzhou Hikers");
        assertThat(created.get("type").asText()).isEqualTo("INTEREST");
        assertThat(created.get("ownerId").asText()).isEqualTo(owner.toString());
        assertThat(created.get("timeZone").asText()).isEqualTo("Asia/Shanghai");
        assertThat(created.hasNonNull("createdAt")).isTrue();

        JsonNode joined = awaitEvent(Events.MEMBER_JOINED, group, field("memberId", owner));
        assertThat(joined.get("role").asText()).isEqualTo("OWNER");
        assertThat(joined.get("via").asText()).isEqualTo("OWNER");

        as(UUID.randomUUID()).when().get("/api/v1/groups/" + id).then().statusCode(200)
                .body("id", equalTo(id)).body("purpose", equalTo("Weekend hikes")).body("rules", equalTo("Be kind"));
    }

    @Test
    void theLocationHeaderPointsAtTheNewGroup() {
        String location = as(UUID.randomUUID()).body(Map.of("name", "Readers", "type", "LEARNING"))
                .when().post("/api/v1/groups").then().statusCode(201).extract().header("Location");
        asOperator().when().get(location).then().statusCode(200).body("name", equalTo("Readers"));
    }

    @Test
    void aGroupNeedsANameAndAType() {
        as(UUID.randomUUID()).body(Map.of("capacity", 0))
                .when().post("/api/v1/groups")
                .then().statusCode(400).contentType(PROBLEM_JSON)
                .body("violations.field", hasItem("name"))
                .body("violations.field", hasItem("capacity"));
        as(UUID.randomUUID()).body(Map.of("name", "No type"))
                .when().post("/api/v1/groups")
                .then().statusCode(400).contentType(PROBLEM_JSON);
        as(UUID.randomUUID()).body(Map.of("name", "Bad type", "type", "PARTY"))
                .when().post("/api/v1/groups")
                .then().statusCode(400).contentType(PROBLEM_JSON).body("violations.field", hasItem("type"));
    }

    @Test
    void anUnknownTimeZoneAndAPaidGroupWithoutFeeAreRefused() {
        as(UUID.randomUUID()).body(Map.of("name", "Mars", "type", "INTEREST", "timeZone", "Mars/Olympus"))
                .when().post("/api/v1/groups").then().statusCode(400).contentType(PROBLEM_JSON);
        as(UUID.randomUUID()).body(Map.of("name", "Paid", "type", "PAID_KNOWLEDGE", "admission", Map.of("mode", "PAID")))
                .when().post("/api/v1/groups").then().statusCode(400).contentType(PROBLEM_JSON);
    }

    @Test
    void aPaidGroupKeepsItsFeeAndTimeZone() {
        UUID owner = UUID.randomUUID();
        UUID group = createGroup(owner, Map.of("timeZone", "Europe/Berlin", "admission",
                Map.of("mode", "PAID", "requireVerified", true, "requiredIntroFields", java.util.List.of("region"),
                        "entryFee", Map.of("amount", 9900, "currency", "CNY"))));
        as(owner).when().get("/api/v1/groups/" + group).then().statusCode(200)
                .body("timeZone", equalTo("Europe/Berlin"))
                .body("admission.mode", equalTo("PAID"))
                .body("admission.requireVerified", equalTo(true))
                .body("admission.requiredIntroFields", equalTo(java.util.List.of("region")))
                .body("admission.entryFee.amount", equalTo(9900))
                .body("admission.entryFee.currency", equalTo("CNY"));
        JsonNode created = awaitEvent(Events.GROUP_CREATED, group, d -> true);
        assertThat(created.get("timeZone").asText()).isEqualTo("Europe/Berlin");
    }

    @Test
    void theOwnerAndOperatorsUpdateAGroupButAnOrdinaryMemberCannot() {
        UUID owner = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        UUID group = openGroup(owner);
        join(group, member);

        as(member).body(Map.of("name", "Hijacked")).when().patch("/api/v1/groups/" + group)
                .then().statusCode(403).contentType(PROBLEM_JSON);
        as(UUID.randomUUID()).body(Map.of("name", "Hijacked")).when().patch("/api/v1/groups/" + group)
                .then().statusCode(403).contentType(PROBLEM_JSON);
        as(owner).body(Map.of("name", "Renamed", "rules", "No ads", "roleTitles", Map.of("ADMIN", "班长")))
                .when().patch("/api/v1/groups/" + group)
                .then().statusCode(200)
                .body("name", equalTo("Renamed")).body("rules", equalTo("No ads"))
                .body("roleTitles.ADMIN", equalTo("班长"))
                .body("type", equalTo("INTEREST"));
        asOperator().body(Map.of("purpose", "Set by an operator")).when().patch("/api/v1/groups/" + group)
                .then().statusCode(200).body("purpose", equalTo("Set by an operator")).body("name", equalTo("Renamed"));
    }

    @Test
    void capacityCannotDropBelowTheCurrentMembers() {
        UUID owner = UUID.randomUUID();
        UUID group = openGroup(owner);
        join(group, UUID.randomUUID());
        as(owner).body(Map.of("capacity", 1)).when().patch("/api/v1/groups/" + group)
                .then().statusCode(409).contentType(PROBLEM_JSON);
        as(owner).body(Map.of("capacity", 2)).when().patch("/api/v1/groups/" + group)
                .then().statusCode(200).body("capacity", equalTo(2));
    }

    @Test
    void onlyTheOwnerArchivesAndAnArchivedGroupAdmitsNobody() {
        UUID owner = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        UUID group = openGroup(owner);
        join(group, member);
        as(member).when().post("/api/v1/groups/" + group + "/archive").then().statusCode(403);
        as(owner).when().post("/api/v1/groups/" + group + "/archive").then().statusCode(200)
                .body("status", equalTo("ARCHIVED"));
        as(UUID.randomUUID()).body(Map.of()).when().post("/api/v1/groups/" + group + "/members")
                .then().statusCode(409).contentType(PROBLEM_JSON);
    }

    @Test
    void operatorsListAllGroupsPageByPage() {
        openGroup(UUID.randomUUID());
        openGroup(UUID.randomUUID());
        asOperator().queryParam("size", 1).when().get("/api/v1/groups").then().statusCode(200)
                .body("items.size()", equalTo(1))
                .body("size", equalTo(1))
                .body("totalItems", org.hamcrest.Matchers.greaterThanOrEqualTo(2));
        as(UUID.randomUUID()).when().get("/api/v1/groups").then().statusCode(403).contentType(PROBLEM_JSON);
        asOperator().queryParam("size", 101).when().get("/api/v1/groups").then().statusCode(400);
    }

    @Test
    void unknownGroupsAre404AndTokensAreRequired() {
        as(UUID.randomUUID()).when().get("/api/v1/groups/" + UUID.randomUUID()).then().statusCode(404)
                .contentType(PROBLEM_JSON);
        given().when().get("/api/v1/groups/" + UUID.randomUUID()).then().statusCode(401).contentType(PROBLEM_JSON);
    }

    @Test
    void theOpenApiDocumentDescribesTheGroupApi() {
        given().when().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths.'/api/v1/groups'.post.responses.'201'", notNullValue())
                .body("paths.'/api/v1/groups/{groupId}'.patch", notNullValue())
                .body("paths.'/api/v1/groups/{groupId}/members'.post.responses.'409'", notNullValue())
                .body("info.description", org.hamcrest.Matchers.containsString("## Permission matrix"))
                .body("info.description", org.hamcrest.Matchers.containsString("| remove or ban a member | ADMIN and below |"));
    }
}
