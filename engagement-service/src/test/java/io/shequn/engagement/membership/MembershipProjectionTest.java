package io.shequn.engagement.membership;

import io.quarkus.test.junit.QuarkusTest;
import io.shequn.contracts.Events;
import io.shequn.contracts.events.GroupRole;
import io.shequn.contracts.events.JoinVia;
import io.shequn.contracts.events.LeaveReason;
import io.shequn.contracts.events.MemberLeft;
import io.shequn.contracts.events.MemberRoleChanged;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static io.shequn.engagement.GroupEvents.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;

/** Membership comes only from group-service's events; it decides who takes part and who manages. */
@QuarkusTest
class MembershipProjectionTest {

    @Inject
    EntityManager entityManager;

    @Transactional
    boolean roleChangeApplied(UUID group, UUID member) {
        return !entityManager.createNativeQuery("select 1 from group_membership where group_id = :g and member_id = :m")
                .setParameter("g", group).setParameter("m", member).getResultList().isEmpty();
    }

    private static final Map<String, Object> RULES = Map.of("checkInBasePoints", 5, "checkInStreakStep", 1,
            "checkInStreakCap", 5, "checkInWeeklyBonus", 0, "messagePoints", 2, "messageDailyCap", 10);

    @Test
    void aJoinedMemberTakesPartAndAStrangerGets403() {
        UUID group = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        join(group, member);

        given().auth().oauth2(memberToken(member)).when().get("/api/v1/groups/" + group + "/engagement-rules")
                .then().statusCode(200).body("timeZone", equalTo("Asia/Shanghai")).body("checkInBasePoints", equalTo(10));
        given().auth().oauth2(memberToken(UUID.randomUUID())).when().get("/api/v1/groups/" + group + "/engagement-rules")
                .then().statusCode(403).contentType("application/problem+json")
                .body("type", equalTo("https://shequn.io/problems/not-a-member"))
                // A join group-service granted a moment ago may not have arrived: the client is told when to ask again.
                .header("Retry-After", "1")
                .body("detail", org.hamcrest.Matchers.endsWith("may not be known here yet: retry after 1 second."));
    }

    @Test
    void removedBannedAndLeftMembersNoLongerTakePart() {
        UUID group = UUID.randomUUID();
        for (LeaveReason reason : LeaveReason.values()) {
            UUID member = UUID.randomUUID();
            join(group, member);
            leave(group, member, reason);
            assertThat(rulesStatus(group, member)).isEqualTo(403);
        }
    }

    @Test
    void aLeaveReadBeforeAnOlderJoinKeepsTheMemberOut() {
        UUID group = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        Instant now = Instant.now();
        publish(Events.MEMBER_LEFT, new MemberLeft(group, member, LeaveReason.REMOVED, "spam", now), GROUP_SERVICE);
        publishJoin(group, member, GroupRole.MEMBER, JoinVia.OPEN, null, now.minus(1, ChronoUnit.HOURS));
        // Same group key, same partition of member-joined: once the marker is in, the old join has been read.
        UUID marker = UUID.randomUUID();
        join(group, marker);

        assertThat(rulesStatus(group, member)).isEqualTo(403);
    }

    @Test
    void aRoleChangeReadBeforeTheOlderJoinIsKept() {
        UUID group = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        Instant now = Instant.now();
        publish(Events.MEMBER_ROLE_CHANGED, new MemberRoleChanged(group, member, GroupRole.ADMIN, UUID.randomUUID(), now), GROUP_SERVICE);
        // The role-changed event is applied before the join whenever this join is seen.
        await().atMost(FRESH).until(() -> roleChangeApplied(group, member));
        publishJoin(group, member, GroupRole.MEMBER, JoinVia.OPEN, null, now.minus(1, ChronoUnit.MINUTES));
        awaitMember(group, member);

        given().auth().oauth2(memberToken(member)).contentType("application/json").body(RULES)
                .when().put("/api/v1/groups/" + group + "/engagement-rules").then().statusCode(200);
    }

    @Test
    void onlyTheOwnerAdminsAndOperatorsChangeTheRules() {
        UUID group = UUID.randomUUID();
        UUID owner = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        join(group, owner, GroupRole.OWNER);
        join(group, member);

        given().auth().oauth2(memberToken(member)).contentType("application/json").body(RULES)
                .when().put("/api/v1/groups/" + group + "/engagement-rules")
                .then().statusCode(403).body("type", equalTo("https://shequn.io/problems/not-a-group-manager"));
        given().auth().oauth2(memberToken(owner)).contentType("application/json").body(RULES)
                .when().put("/api/v1/groups/" + group + "/engagement-rules")
                .then().statusCode(200).body("checkInBasePoints", equalTo(5)).body("messagePoints", equalTo(2));
        given().auth().oauth2(operatorToken()).contentType("application/json").body(Map.of("checkInBasePoints", -1))
                .when().put("/api/v1/groups/" + group + "/engagement-rules")
                .then().statusCode(400).contentType("application/problem+json");

        changeRole(group, member, GroupRole.ADMIN);
        await().atMost(FRESH).until(() -> given().auth().oauth2(memberToken(member)).contentType("application/json").body(RULES)
                .when().put("/api/v1/groups/" + group + "/engagement-rules").then().extract().statusCode() == 200);
    }

    @Test
    void theGroupsTimeZoneComesFromGroupCreated() {
        UUID group = UUID.randomUUID();
        groupCreated(group, ZoneId.of("America/Los_Angeles"));
        given().auth().oauth2(operatorToken()).when().get("/api/v1/groups/" + group + "/engagement-rules")
                .then().statusCode(200).body("timeZone", equalTo("America/Los_Angeles"));
    }
}
