package io.shequn.member.referral;

import io.quarkus.test.junit.QuarkusTest;
import io.shequn.contracts.Events;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static io.shequn.member.MemberApi.awaitEvent;
import static io.shequn.member.MemberApi.createOwn;
import static io.shequn.member.MemberApi.get;
import static io.shequn.member.MemberApi.member;
import static io.shequn.member.MemberApi.operator;
import static io.shequn.member.MemberApi.saveOwn;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

/** Fission (裂变): invite codes build a referral tree with exact counts, never a cycle. */
@QuarkusTest
class ReferralResourceTest {

    @Test
    void inviteCodesBuildAThreeLevelTreeWithCountsPerLevel() {
        UUID root = UUID.randomUUID();
        String rootCode = createOwn(root, Map.of("displayName", "KOL"));
        UUID b1 = UUID.randomUUID();
        UUID b2 = UUID.randomUUID();
        String b1Code = createOwn(b1, Map.of("displayName", "B1", "inviteCode", rootCode.toLowerCase()));
        createOwn(b2, Map.of("displayName", "B2", "inviteCode", rootCode));
        UUID c1 = UUID.randomUUID();
        String c1Code = createOwn(c1, Map.of("displayName", "C1", "inviteCode", b1Code));
        UUID d1 = UUID.randomUUID();
        createOwn(d1, Map.of("displayName", "D1", "inviteCode", c1Code));

        get(operator(), b1).body("invitedBy", equalTo(root.toString()));
        assertThat(awaitEvent(Events.MEMBER_REGISTERED, c1, data -> true).get("invitedBy").asText()).isEqualTo(b1.toString());

        given().auth().oauth2(member(root)).queryParam("depth", 3).when().get("/api/v1/members/" + root + "/referrals")
                .then().statusCode(200)
                .body("levels.level", equalTo(List.of(1, 2, 3)))
                .body("levels.count", equalTo(List.of(2, 1, 1)))
                .body("referrals.memberId", equalTo(List.of(b1.toString(), b2.toString())))
                .body("referrals[0].referrals[0].memberId", equalTo(c1.toString()))
                .body("referrals[0].referrals[0].referrals[0].memberId", equalTo(d1.toString()))
                .body("truncated", equalTo(false));
        given().auth().oauth2(operator()).queryParam("depth", 2).when().get("/api/v1/members/" + root + "/referrals")
                .then().statusCode(200).body("levels.count", equalTo(List.of(2, 1)))
                .body("referrals[0].referrals[0].referrals", hasSize(0));
        given().auth().oauth2(member(root)).when().get("/api/v1/members/" + root + "/referrals/summary")
                .then().statusCode(200).body("direct", equalTo(2)).body("total", equalTo(4));
    }

    @Test
    void aMemberCannotUseTheirOwnCode() {
        UUID me = UUID.randomUUID();
        String myCode = createOwn(me, Map.of("displayName", "Selfie"));
        saveOwn(me, Map.of("displayName", "Selfie", "inviteCode", myCode)).statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://shequn.io/problems/self-invitation"));
        get(operator(), me).body("invitedBy", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void claimingTheCodeOfSomeoneOneInvitedIsACycleAndRejected() {
        UUID top = UUID.randomUUID();
        String topCode = createOwn(top, Map.of("displayName", "Top"));
        UUID middle = UUID.randomUUID();
        String middleCode = createOwn(middle, Map.of("displayName", "Middle", "inviteCode", topCode));
        UUID bottom = UUID.randomUUID();
        String bottomCode = createOwn(bottom, Map.of("displayName", "Bottom", "inviteCode", middleCode));

        saveOwn(top, Map.of("displayName", "Top", "inviteCode", bottomCode)).statusCode(422)
                .contentType("application/problem+json")
                .body("type", equalTo("https://shequn.io/problems/referral-cycle"));
        saveOwn(top, Map.of("displayName", "Top", "inviteCode", middleCode)).statusCode(422);
        get(operator(), top).body("invitedBy", org.hamcrest.Matchers.nullValue());
    }

    @Test
    void aMemberWithoutAnInviterMayClaimOneOnceAndItIsPublished() {
        UUID inviter = UUID.randomUUID();
        String code = createOwn(inviter, Map.of("displayName", "Inviter"));
        UUID other = UUID.randomUUID();
        String otherCode = createOwn(other, Map.of("displayName", "Other"));
        UUID late = UUID.randomUUID();
        createOwn(late, Map.of("displayName", "Late"));

        saveOwn(late, Map.of("displayName", "Late", "inviteCode", code)).statusCode(200).body("invitedBy", equalTo(inviter.toString()));
        assertThat(awaitEvent(Events.MEMBER_UPDATED, late, data -> data.hasNonNull("invitedBy")).get("invitedBy").asText())
                .isEqualTo(inviter.toString());
        saveOwn(late, Map.of("displayName", "Late", "inviteCode", code)).statusCode(200);
        saveOwn(late, Map.of("displayName", "Late", "inviteCode", otherCode)).statusCode(409).contentType("application/problem+json");
    }

    @Test
    void anUnknownInviteCodeIsRejectedAndNothingIsCreated() {
        UUID me = UUID.randomUUID();
        saveOwn(me, Map.of("displayName", "Guess", "inviteCode", "ZZZZZZZZ")).statusCode(422)
                .body("type", equalTo("https://shequn.io/problems/unknown-invite-code"));
        given().auth().oauth2(member(me)).when().get("/api/v1/members/me").then().statusCode(404);
    }

    @Test
    void concurrentRegistrationsWithTheSameCodeAllSucceedAndAreCountedExactly() throws Exception {
        UUID kol = UUID.randomUUID();
        String code = createOwn(kol, Map.of("displayName", "Busy KOL"));
        int registrations = 40;
        ExecutorService pool = Executors.newFixedThreadPool(16);
        try {
            List<Future<Integer>> statuses = new ArrayList<>();
            for (int i = 0; i < registrations; i++) {
                int n = i;
                statuses.add(pool.submit(() -> saveOwn(UUID.randomUUID(), Map.of("displayName", "Fan " + n, "inviteCode", code))
                        .extract().statusCode()));
            }
            for (Future<Integer> status : statuses) {
                assertThat(status.get()).isEqualTo(201);
            }
        } finally {
            pool.shutdownNow();
        }
        given().auth().oauth2(member(kol)).when().get("/api/v1/members/" + kol + "/referrals/summary")
                .then().statusCode(200).body("direct", equalTo(registrations)).body("total", equalTo(registrations));
        given().auth().oauth2(member(kol)).when().get("/api/v1/members/" + kol + "/referrals")
                .then().statusCode(200).body("levels[0].count", equalTo(registrations)).body("referrals", hasSize(registrations));
    }

    @Test
    void anotherMemberCannotSeeSomeonesReferrals() {
        UUID kol = UUID.randomUUID();
        createOwn(kol, Map.of("displayName", "Private KOL"));
        String stranger = member(UUID.randomUUID());
        given().auth().oauth2(stranger).when().get("/api/v1/members/" + kol + "/referrals").then().statusCode(403);
        given().auth().oauth2(stranger).when().get("/api/v1/members/" + kol + "/referrals/summary").then().statusCode(403);
        given().auth().oauth2(operator()).when().get("/api/v1/members/" + UUID.randomUUID() + "/referrals/summary").then().statusCode(404);
    }
}
