package io.shequn.systemtests;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 16, item 2: a member who registered with A's invite code and joins a group A belongs to,
 * without a group invite code, is A's referral there (docs/analytics.md, "Registration
 * inviters"): in the group's referrals and K-factor, in A's KOL influence and in A's referral
 * points, also when the group admits by approval. A registration inviter who is not a member of
 * the group is credited nothing there.
 */
@Order(20)
class RegistrationInviterJourneyIT extends SystemTest {

    /** Asking for the region makes a join wait until group-service has read the joiner's registration. */
    private static final Map<String, Object> OPEN = Map.of("mode", "OPEN", "requiredIntroFields", List.of("region"));
    private static final Map<String, Object> APPROVAL = Map.of("mode", "APPROVAL", "requiredIntroFields", List.of("region"));

    @Test
    void theRegistrationInviterIsCreditedInTheGroupsTheyBelongTo() {
        JsonPath inviterProfile = register("Ma Lan", null);
        UUID inviter = id(inviterProfile);
        String code = inviterProfile.getString("inviteCode");
        UUID friend = id(register("Song Tao", code));
        UUID applicant = id(register("Gu Yue", code));
        UUID elsewhere = id(register("Fang Hua", code));
        UUID stranger = id(register("Lin Mo", null));
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        String window = "?from=" + today + "&to=" + today;

        UUID open = createGroup(inviter, "Tea tasting", OPEN);
        UUID vetted = createGroup(inviter, "Tea masters", APPROVAL);
        UUID other = createGroup(stranger, "Calligraphy", OPEN);

        assertThat(joinOnceKnown(open, friend)).isEqualTo("ACTIVE");
        assertThat(joinOnceKnown(vetted, applicant)).isEqualTo("PENDING_APPROVAL");
        as(inviter).when().post(url("GROUP", "/api/v1/groups/" + vetted + "/applications/" + applicant + "/approve"))
                .then().statusCode(200).body("status", org.hamcrest.Matchers.equalTo("ACTIVE"));
        // The inviter is not a member of this one: nobody is credited.
        assertThat(joinOnceKnown(other, elsewhere)).isEqualTo("ACTIVE");

        // The invitees are active, so the K-factor has its denominator.
        checkIn(open, friend);
        checkIn(vetted, applicant);
        checkIn(other, elsewhere);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath referrals = analytics("/api/v1/analytics/groups/" + open + "/referrals" + window);
            assertThat(referrals.getLong("invitedJoins")).isEqualTo(1);
            assertThat(referrals.getLong("activeMembers")).isEqualTo(1);
            assertThat(referrals.getDouble("kFactor")).isEqualTo(1.0);
            assertThat(referrals.getList("inviters.memberId", String.class)).containsExactly(inviter.toString());
            assertThat(referrals.getLong("inviters[0].invited")).isEqualTo(1);
        });
        JsonPath kols = analytics("/api/v1/analytics/groups/" + open + "/kols" + window);
        assertThat(kols.getList("memberId", String.class)).containsExactly(inviter.toString());
        assertThat(kols.getLong("[0].referredMembers")).isEqualTo(1);
        assertThat(kols.getLong("[0].score")).isEqualTo(10);

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath referrals = analytics("/api/v1/analytics/groups/" + vetted + "/referrals" + window);
            assertThat(referrals.getLong("invitedJoins")).isEqualTo(1);
            assertThat(referrals.getDouble("kFactor")).isEqualTo(1.0);
            assertThat(referrals.getList("inviters.memberId", String.class)).containsExactly(inviter.toString());
        });
        assertThat(analytics("/api/v1/analytics/groups/" + vetted + "/kols" + window).getList("memberId", String.class))
                .containsExactly(inviter.toString());

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath referrals = analytics("/api/v1/analytics/groups/" + other + "/referrals" + window);
            assertThat(referrals.getLong("activeMembers")).isEqualTo(1);
            assertThat(referrals.getLong("invitedJoins")).isZero();
            assertThat(referrals.getDouble("kFactor")).isZero();
            assertThat(referrals.getList("inviters")).isEmpty();
        });
        assertThat(analytics("/api/v1/analytics/groups/" + other + "/kols" + window).getList("memberId")).isEmpty();

        // Referral points: 50 in each group the inviter brought someone into, none elsewhere.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath points = new JsonPath(as(inviter).when().get(url("ENGAGEMENT", "/api/v1/members/me/points"))
                    .then().statusCode(200).extract().asString());
            assertThat(points.getLong("balance")).isEqualTo(100);
            assertThat(points.getList("history.items.reason", String.class)).containsExactly("REFERRAL", "REFERRAL");
            assertThat(points.getList("history.items.groupId", String.class)).containsExactlyInAnyOrder(open.toString(), vetted.toString());
        });
        for (UUID group : List.of(open, vetted)) {
            JsonPath board = new JsonPath(as(inviter).when().get(url("ENGAGEMENT", "/api/v1/groups/" + group + "/leaderboards/points"))
                    .then().statusCode(200).extract().asString());
            assertThat(board.getList("ranking.items.memberId", String.class)).contains(inviter.toString());
            assertThat(board.getLong("ranking.items.find { it.memberId == '" + inviter + "' }.points")).isEqualTo(50);
        }
    }

    /** Joins without a group invite code, retrying while group-service has not read the registration yet (422). */
    private static String joinOnceKnown(UUID group, UUID member) {
        String[] status = new String[1];
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            Response response = as(member).body(Map.of()).when().post(url("GROUP", "/api/v1/groups/" + group + "/members"));
            assertThat(response.statusCode()).as(response.asString()).isEqualTo(201);
            status[0] = response.path("status");
        });
        return status[0];
    }

    private static void checkIn(UUID group, UUID member) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(member)
                .when().post(url("ENGAGEMENT", "/api/v1/groups/" + group + "/check-ins")).then().statusCode(201));
    }
}
