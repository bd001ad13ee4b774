package io.shequn.group.templates;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.shequn.contracts.Events;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.shequn.group.GroupApi.PROBLEM_JSON;
import static io.shequn.group.GroupApi.as;
import static io.shequn.group.GroupApi.awaitEvent;
import static io.shequn.group.GroupApi.createGroup;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Templates: saved from a group or written from scratch, stamped into new groups, counted. */
@QuarkusTest
class TemplateResourceTest {

    @Test
    void aGroupSavedAsATemplateStampsOutTheNextGroup() {
        UUID owner = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        UUID source = createGroup(owner, Map.of("type", "LEARNING", "rules", "Share one note a week", "capacity", 50,
                "timeZone", "Asia/Tokyo", "strikeLimit", 2, "welcomeMessage", "Welcome, please introduce yourself",
                "roleTitles", Map.of("ADMIN", "班长", "LECTURER", "讲师"),
                "admission", Map.of("mode", "APPROVAL", "requiredIntroFields", List.of("occupation"))));
        // An APPROVAL group: the applicant is not a member yet, and certainly no admin.
        as(member).body(Map.of("intro", Map.of("occupation", "student"))).when().post("/api/v1/groups/" + source + "/members")
                .then().statusCode(201);
        as(member).body(Map.of("name", "Stolen")).when().post("/api/v1/groups/" + source + "/template").then().statusCode(403);

        String template = as(owner).body(Map.of("name", "Study circle playbook", "description", "What worked"))
                .when().post("/api/v1/groups/" + source + "/template")
                .then().statusCode(201)
                .body("sourceGroupId", equalTo(source.toString()))
                .body("rules", equalTo("Share one note a week"))
                .body("admission.mode", equalTo("APPROVAL"))
                .body("usedCount", equalTo(0))
                .extract().path("id");

        UUID other = UUID.randomUUID();
        String group = as(other).body(Map.of("name", "Study circle #2", "templateId", template, "capacity", 80))
                .when().post("/api/v1/groups")
                .then().statusCode(201)
                .body("type", equalTo("LEARNING"))
                .body("rules", equalTo("Share one note a week"))
                .body("capacity", equalTo(80))
                .body("timeZone", equalTo("Asia/Tokyo"))
                .body("strikeLimit", equalTo(2))
                .body("welcomeMessage", equalTo("Welcome, please introduce yourself"))
                .body("roleTitles.ADMIN", equalTo("班长"))
                .body("admission.mode", equalTo("APPROVAL"))
                .body("admission.requiredIntroFields", equalTo(List.of("occupation")))
                .body("templateId", equalTo(template))
                .body("ownerId", equalTo(other.toString()))
                .extract().path("id");

        JsonNode created = awaitEvent(Events.GROUP_CREATED, UUID.fromString(group), d -> true);
        assertThat(created.get("templateId").asText()).isEqualTo(template);
        assertThat(created.get("timeZone").asText()).isEqualTo("Asia/Tokyo");

        as(other).body(Map.of("name", "Study circle #3", "templateId", template)).when().post("/api/v1/groups")
                .then().statusCode(201).body("capacity", equalTo(50));
        as(other).when().get("/api/v1/templates/" + template).then().statusCode(200).body("usedCount", equalTo(2));
        as(other).queryParam("size", 100).when().get("/api/v1/templates").then().statusCode(200)
                .body("items.find { it.id == '" + template + "' }.usedCount", equalTo(2));
    }

    @Test
    void aTemplateWrittenFromScratchUsesTheDefaultsForWhatItLeavesOut() {
        UUID author = UUID.randomUUID();
        String template = as(author).body(Map.of("name", "Paid circle", "type", "PAID_KNOWLEDGE",
                        "admission", Map.of("mode", "PAID", "entryFee", Map.of("amount", 19900, "currency", "CNY"))))
                .when().post("/api/v1/templates")
                .then().statusCode(201)
                .body("capacity", equalTo(500))
                .body("timeZone", equalTo("Asia/Shanghai"))
                .body("strikeLimit", equalTo(3))
                .body("sourceGroupId", nullValue())
                .body("createdBy", equalTo(author.toString()))
                .extract().path("id");
        as(UUID.randomUUID()).body(Map.of("name", "From scratch", "templateId", template)).when().post("/api/v1/groups")
                .then().statusCode(201)
                .body("type", equalTo("PAID_KNOWLEDGE"))
                .body("admission.entryFee.amount", equalTo(19900));
    }

    @Test
    void invalidTemplatesAndUnknownTemplateIdsAreRefused() {
        as(UUID.randomUUID()).body(Map.of("name", "No type")).when().post("/api/v1/templates")
                .then().statusCode(400).contentType(PROBLEM_JSON);
        as(UUID.randomUUID()).body(Map.of("name", "Paid without fee", "type", "PAID_KNOWLEDGE", "admission", Map.of("mode", "PAID")))
                .when().post("/api/v1/templates").then().statusCode(400).contentType(PROBLEM_JSON);
        as(UUID.randomUUID()).body(Map.of("name", "Ghost", "templateId", UUID.randomUUID())).when().post("/api/v1/groups")
                .then().statusCode(404).contentType(PROBLEM_JSON);
        as(UUID.randomUUID()).when().get("/api/v1/templates/" + UUID.randomUUID()).then().statusCode(404);
    }
}
