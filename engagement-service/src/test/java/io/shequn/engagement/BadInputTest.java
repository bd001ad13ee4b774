package io.shequn.engagement;

import io.quarkus.test.junit.QuarkusTest;
import io.shequn.contracts.events.GroupRole;
import io.shequn.localstack.BadInputChecks;
import io.shequn.localstack.LocalStack;
import org.junit.jupiter.api.BeforeEach;

import java.time.ZoneId;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;

/** The bad-input catalogue and the audiences of every operation of engagement-service, as an operator owning a group with a reward and a member. */
@QuarkusTest
class BadInputTest extends BadInputChecks {

    private final UUID operator = UUID.randomUUID();
    private final UUID group = UUID.randomUUID();
    private final UUID member = UUID.randomUUID();
    private String token;
    private Map<String, String> ids;

    @BeforeEach
    void operatorOwningAGroupWithAReward() {
        token = LocalStack.shared().tokens().operator(operator);
        GroupEvents.groupCreated(group, ZoneId.of("Asia/Shanghai"));
        GroupEvents.join(group, operator, GroupRole.OWNER);
        GroupEvents.join(group, member);
        String reward = given().auth().oauth2(token).contentType("application/json")
                .body(Map.of("name", "Walked reward", "cost", 10, "stock", 5)).when().post("/api/v1/groups/" + group + "/rewards")
                .then().statusCode(201).extract().path("id");
        ids = Map.of("groupId", group.toString(), "memberId", operator.toString(), "rewardId", reward);
    }

    @Override
    protected String token() {
        return token;
    }

    @Override
    protected Map<String, String> ids() {
        return ids;
    }

    @Override
    protected String ordinaryMemberToken() {
        return LocalStack.shared().tokens().member(member);
    }
}
