package io.shequn.group;

import io.quarkus.test.junit.QuarkusTest;
import io.shequn.localstack.BadInputChecks;
import io.shequn.localstack.LocalStack;
import org.junit.jupiter.api.BeforeEach;

import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** The bad-input catalogue and the 403s of every operation of group-service, as an operator owning a group with a member and a ban. */
@QuarkusTest
class BadInputTest extends BadInputChecks {

    private final UUID operator = UUID.randomUUID();
    private final UUID member = UUID.randomUUID();
    private final UUID banned = UUID.randomUUID();
    private String token;
    private Map<String, String> ids;

    @BeforeEach
    void operatorOwningAGroupWithAMember() {
        token = LocalStack.shared().tokens().operator(operator);
        String group = given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("name", "Walked", "type", "INTEREST")).when().post("/api/v1/groups")
                .then().statusCode(201).extract().path("id");
        GroupApi.join(UUID.fromString(group), member);
        given().auth().oauth2(token).contentType("application/json").body(Map.of("memberId", banned.toString(), "reason", "Spam"))
                .when().post("/api/v1/groups/" + group + "/bans").then().statusCode(201);
        String template = given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("name", "Walked template", "type", "INTEREST")).when().post("/api/v1/templates")
                .then().statusCode(201).extract().path("id");
        ids = Map.of("groupId", group, "memberId", member.toString(), "templateId", template, "newOwnerId", member.toString());
    }

    @Override
    protected String token() {
        return token;
    }

    @Override
    protected Map<String, String> ids() {
        return ids;
    }

    /** Joining is for any member except the banned, which only a ban shows. */
    @Override
    protected Map<String, String> refusedCallers() {
        return Map.of("membershipJoin", LocalStack.shared().tokens().member(banned));
    }

    @Override
    protected String ordinaryMemberToken() {
        return LocalStack.shared().tokens().member(member);
    }
}
