package io.shequn.group;

import io.quarkus.test.junit.QuarkusTest;
import io.shequn.localstack.BadInputChecks;
import io.shequn.localstack.LocalStack;
import org.junit.jupiter.api.BeforeEach;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/**
 * The bad-input catalogue and the 403s of every operation of group-service, as an operator owning a
 * group with a member, two admins and a ban, beside a group that admits verified members only.
 */
@QuarkusTest
class BadInputTest extends BadInputChecks {

    private final UUID operator = UUID.randomUUID();
    private final UUID member = UUID.randomUUID();
    private final UUID banned = UUID.randomUUID();
    private final UUID admin = UUID.randomUUID();
    private final UUID otherAdmin = UUID.randomUUID();
    private final UUID unverified = UUID.randomUUID();
    private String token;
    private Map<String, String> ids;
    private String verifiedOnly;

    @BeforeEach
    void operatorOwningAGroupWithAMember() {
        token = LocalStack.shared().tokens().operator(operator);
        String group = given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("name", "Walked", "type", "INTEREST")).when().post("/api/v1/groups")
                .then().statusCode(201).extract().path("id");
        GroupApi.join(UUID.fromString(group), member);
        for (UUID manager : List.of(admin, otherAdmin)) {
            GroupApi.join(UUID.fromString(group), manager);
            GroupApi.setRole(UUID.fromString(group), operator, manager, "ADMIN");
        }
        verifiedOnly = GroupApi.createGroup(operator, Map.of("admission", Map.of("mode", "OPEN", "requireVerified", true))).toString();
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

    /** Refused for their state towards the path: a ban, an unverified caller, an admin facing an equal or higher rank. */
    @Override
    protected List<RefusedCaller> refusedCallers() {
        String asAdmin = LocalStack.shared().tokens().member(admin);
        return List.of(
                new RefusedCaller("membershipJoin", "a banned member", LocalStack.shared().tokens().member(banned), Map.of()),
                new RefusedCaller("membershipJoin", "an unverified member, to a group for verified members",
                        LocalStack.shared().tokens().member(unverified), Map.of("groupId", verifiedOnly)),
                new RefusedCaller("membershipLeaveOrRemove", "an admin removing another admin", asAdmin, Map.of("memberId", otherAdmin.toString())),
                new RefusedCaller("membershipLeaveOrRemove", "an admin removing the owner", asAdmin, Map.of("memberId", operator.toString())),
                new RefusedCaller("roleChangeRole", "an admin changing another admin's role", asAdmin, Map.of("memberId", otherAdmin.toString())),
                new RefusedCaller("roleChangeRole", "an admin changing the owner's role", asAdmin, Map.of("memberId", operator.toString())));
    }

    @Override
    protected String ordinaryMemberToken() {
        return LocalStack.shared().tokens().member(member);
    }
}
