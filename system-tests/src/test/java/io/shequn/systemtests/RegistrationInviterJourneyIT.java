package io.shequn.systemtests;

import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
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
 *
 * <p>Issue 13, journey (1): the approved invitee then attends the activity the inviter runs in
 * the vetted group, and analytics shows that attendance (the group's attendances and campaign,
 * the member's active day), the invitee's funnel steps and whose referral the join was.
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
        UUID talk = attendActivity(vetted, inviter, applicant);

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
        // The activity: one attendance, one campaign with its one attendee, an active day of the invitee's.
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(analytics(
                "/api/v1/analytics/groups/" + vetted + "/timeseries?metric=ATTENDANCES&from=" + today + "&to=" + today)
                .getLong("[0].value")).isEqualTo(1));
        String tomorrow = LocalDate.parse(today).plusDays(1).toString();   // the talk starts in 10 minutes: maybe after midnight
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            JsonPath campaigns = analytics("/api/v1/analytics/groups/" + vetted + "/campaigns?from=" + today + "&to=" + tomorrow);
            assertThat(campaigns.getList("items.campaignId", String.class)).containsExactly(talk.toString());
            assertThat(campaigns.getString("items[0].kind")).isEqualTo("ACTIVITY");
            assertThat(campaigns.getString("items[0].title")).isEqualTo("Tea masters' talk");
            assertThat(campaigns.getLong("items[0].participants")).isEqualTo(1);
        });
        assertThat(analytics("/api/v1/analytics/members/" + applicant + "/activity" + window).getList("days[0].groups", String.class))
                .containsExactly(vetted.toString());
        // Funnel: the owner and the invitee joined today, the invitee is activated (retained needs days 8-30).
        JsonPath funnel = analytics("/api/v1/analytics/groups/" + vetted + "/funnel" + window);
        assertThat(funnel.getLong("joined")).isEqualTo(2);
        assertThat(funnel.getLong("activated")).isEqualTo(1);
        assertThat(funnel.getLong("retained")).isZero();
        // Whose referral the join was, on both members' pages.
        JsonPath applicantPage = analytics("/api/v1/analytics/members/" + applicant);
        assertThat(applicantPage.getString("invitedBy")).isEqualTo(inviter.toString());
        assertThat(applicantPage.getString("groups.find { it.groupId == '" + vetted + "' }.invitedBy")).isEqualTo(inviter.toString());
        JsonPath inviterPage = analytics("/api/v1/analytics/members/" + inviter);
        assertThat(inviterPage.getLong("invitedMembers")).isEqualTo(3);
        assertThat(inviterPage.getLong("groups.find { it.groupId == '" + vetted + "' }.invitedMembers")).isEqualTo(1);
        assertThat(inviterPage.getLong("groups.find { it.groupId == '" + open + "' }.invitedMembers")).isEqualTo(1);

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

    /** The host schedules a talk starting in 10 minutes; the member signs up and attends with its code. The talk's id. */
    private static UUID attendActivity(UUID group, UUID host, UUID member) {
        Instant start = Instant.now().plus(Duration.ofMinutes(10));
        JsonPath activity = as(host).body(Map.of("type", "ONLINE_TALK", "title", "Tea masters' talk", "hostId", host.toString(),
                        "startsAt", start.toString(), "endsAt", start.plus(Duration.ofHours(1)).toString()))
                .when().post(url("ENGAGEMENT", "/api/v1/groups/" + group + "/activities"))
                .then().statusCode(201).extract().jsonPath();
        String path = "/api/v1/groups/" + group + "/activities/" + activity.getString("id");
        as(member).when().post(url("ENGAGEMENT", path + "/sign-ups")).then().statusCode(201)
                .body("status", org.hamcrest.Matchers.equalTo("SIGNED_UP"));
        // Attendance opens 15 minutes before the start.
        as(member).body(Map.of("code", activity.getString("attendanceCode"))).when().post(url("ENGAGEMENT", path + "/attendances"))
                .then().statusCode(201);
        return UUID.fromString(activity.getString("id"));
    }

    private static void checkIn(UUID group, UUID member) {
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(member)
                .when().post(url("ENGAGEMENT", "/api/v1/groups/" + group + "/check-ins")).then().statusCode(201));
    }
}
