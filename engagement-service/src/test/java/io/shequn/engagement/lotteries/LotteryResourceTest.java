package io.shequn.engagement.lotteries;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.shequn.contracts.Events;
import io.shequn.contracts.events.GroupRole;
import io.shequn.contracts.events.JoinVia;
import io.shequn.contracts.events.MemberVerified;
import io.shequn.engagement.GroupEvents;
import io.shequn.engagement.PublishedEvents;
import io.shequn.engagement.TestClock;
import io.shequn.engagement.points.PointsReason;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import static io.restassured.RestAssured.given;
import static io.shequn.engagement.GroupEvents.awaitMember;
import static io.shequn.engagement.GroupEvents.join;
import static io.shequn.engagement.GroupEvents.memberToken;
import static io.shequn.engagement.GroupEvents.operatorToken;
import static io.shequn.engagement.GroupEvents.publishJoin;
import static io.shequn.engagement.Race.race;
import static io.shequn.engagement.TestPoints.entries;
import static io.shequn.engagement.TestPoints.grant;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
class LotteryResourceTest {

    @Inject
    TestClock clock;

    @Inject
    LotteryJob job;

    @Inject
    DataSource dataSource;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void twentyConcurrentEntriesOfOneMemberDeductTheCostOnce() throws Exception {
        UUID group = UUID.randomUUID();
        UUID owner = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        join(group, owner, GroupRole.OWNER);
        join(group, member);
        grant(member, 100);
        String lottery = create(owner, group, lottery("Paid draw", 30, null));

        List<Callable<ExtractableResponse<Response>>> taps = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            taps.add(() -> enter(member, group, lottery).then().extract());
        }
        List<ExtractableResponse<Response>> responses = race(taps);

        assertThat(responses).extracting(ExtractableResponse::statusCode).containsOnly(200, 201);
        assertThat(responses).filteredOn(r -> r.statusCode() == 201).hasSize(1);
        assertThat(entries(dataSource, PointsReason.LOTTERY_ENTRY, UUID.fromString(lottery))).containsExactly(Map.entry(member, -30L));
        given().auth().oauth2(memberToken(member)).when().get("/api/v1/members/me/points").then().body("balance", equalTo(70));
        given().auth().oauth2(memberToken(member)).when().get(path(group, lottery))
                .then().statusCode(200).body("entrants", equalTo(1)).body("entered", equalTo(true));
        JsonNode entered = PublishedEvents.await(Events.LOTTERY_ENTERED, group, e -> e.get("lotteryId").asText().equals(lottery));
        assertThat(entered.get("cost").asLong()).isEqualTo(30);
        assertThat(entered.get("memberId").asText()).isEqualTo(member.toString());
    }

    @Test
    void ineligibleMembersAreRefusedWithTheRuleNamed() {
        UUID group = UUID.randomUUID();
        UUID owner = UUID.randomUUID();
        UUID veteran = UUID.randomUUID();
        UUID newcomer = UUID.randomUUID();
        join(group, owner, GroupRole.OWNER);
        publishJoin(group, veteran, GroupRole.MEMBER, JoinVia.OPEN, null, Instant.now().minus(Duration.ofDays(5)));
        awaitMember(group, veteran);
        join(group, newcomer);
        String lottery = create(owner, group, lottery("Loyal members", 0, Map.of("minCheckInDays", 2, "minMemberDays", 3, "verified", true)));

        refused(veteran, group, lottery, "min-check-in-days", "eligibility.minCheckInDays");
        checkInYesterdayAndToday(group, veteran);
        checkInYesterdayAndToday(group, newcomer);
        refused(veteran, group, lottery, "verified", "eligibility.verified");
        refused(newcomer, group, lottery, "min-member-days", "eligibility.minMemberDays");

        GroupEvents.publish(Events.MEMBER_VERIFIED, new MemberVerified(veteran, Instant.now()), "/shequn/member-service");
        await().atMost(GroupEvents.FRESH).until(() -> enter(veteran, group, lottery).statusCode() == 201);
        enter(veteran, group, lottery).then().statusCode(200);
    }

    @Test
    void aCancelledLotteryRefundsEveryEntryOnceEvenWhenCancelledTwiceAtOnce() throws Exception {
        UUID group = UUID.randomUUID();
        UUID owner = UUID.randomUUID();
        join(group, owner, GroupRole.OWNER);
        String lottery = create(owner, group, lottery("Cancelled", 10, null));
        List<UUID> entrants = new ArrayList<>();
        for (int i = 0; i < 5; i++) {
            UUID member = UUID.randomUUID();
            join(group, member);
            grant(member, 25);
            enter(member, group, lottery).then().statusCode(201);
            entrants.add(member);
        }

        List<ExtractableResponse<Response>> cancels = race(List.<Callable<ExtractableResponse<Response>>>of(
                () -> given().auth().oauth2(memberToken(owner)).when().post(path(group, lottery) + "/cancel").then().extract(),
                () -> given().auth().oauth2(operatorToken()).when().post(path(group, lottery) + "/cancel").then().extract()));

        assertThat(cancels).extracting(ExtractableResponse::statusCode).containsOnly(200);
        assertThat(cancels).extracting(r -> r.<String>path("status")).containsOnly("CANCELLED");
        Map<UUID, Long> refunds = entries(dataSource, PointsReason.LOTTERY_REFUND, UUID.fromString(lottery));
        assertThat(refunds).hasSize(5).containsOnlyKeys(entrants).allSatisfy((member, refund) -> assertThat(refund).isEqualTo(10));
        for (UUID member : entrants) {
            given().auth().oauth2(memberToken(member)).when().get("/api/v1/members/me/points").then().body("balance", equalTo(25));
        }
        UUID late = UUID.randomUUID();
        join(group, late);
        enter(late, group, lottery).then().statusCode(409).body("type", equalTo("https://shequn.io/problems/lottery-cancelled"));
        given().auth().oauth2(memberToken(owner)).when().post(path(group, lottery) + "/draw")
                .then().statusCode(409).body("type", equalTo("https://shequn.io/problems/lottery-cancelled"));
    }

    @Test
    void entriesCloseAtTheirTimeAndTheEntryListHashIsPublished() {
        UUID group = UUID.randomUUID();
        UUID owner = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        UUID late = UUID.randomUUID();
        join(group, owner, GroupRole.OWNER);
        join(group, member);
        join(group, late);
        String lottery = create(owner, group, lottery("Closing", 0, null));
        enter(member, group, lottery).then().statusCode(201);
        given().auth().oauth2(memberToken(owner)).when().post(path(group, lottery) + "/draw")
                .then().statusCode(409).body("type", equalTo("https://shequn.io/problems/entries-still-open"));
        given().auth().oauth2(memberToken(member)).when().get(path(group, lottery) + "/verification")
                .then().statusCode(200).body("entries", nullValue()).body("entryListHash", nullValue()).body("seed", nullValue());

        clock.moveTo(Instant.now().plus(Duration.ofMinutes(61)));
        enter(late, group, lottery).then().statusCode(409).body("type", equalTo("https://shequn.io/problems/lottery-closed"));
        job.run();

        String hash = LotteryDraw.hex(LotteryDraw.entryListHash(List.of(member)));
        given().auth().oauth2(memberToken(member)).when().get(path(group, lottery))
                .then().statusCode(200).body("status", equalTo("CLOSED")).body("entryListHash", equalTo(hash)).body("winners", nullValue());
        given().auth().oauth2(memberToken(member)).when().get(path(group, lottery) + "/verification")
                .then().statusCode(200).body("entries", equalTo(List.of(member.toString()))).body("entryListHash", equalTo(hash))
                .body("seed", nullValue());
    }

    @Test
    void badLotteriesAreRefusedNamingTheFieldAndNonMembersAreForbidden() {
        UUID group = UUID.randomUUID();
        UUID owner = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        join(group, owner, GroupRole.OWNER);
        join(group, member);

        Map<String, Object> drawBeforeClose = lottery("Early", 0, null);
        drawBeforeClose.put("drawAt", Instant.now().plus(Duration.ofMinutes(30)).toString());
        invalid(owner, group, drawBeforeClose, "drawAt");
        Map<String, Object> closedAlready = lottery("Past", 0, null);
        closedAlready.put("entriesCloseAt", Instant.now().minus(Duration.ofMinutes(1)).toString());
        invalid(owner, group, closedAlready, "entriesCloseAt");
        Map<String, Object> noPrizes = lottery("Nothing", 0, null);
        noPrizes.put("prizes", List.of());
        invalid(owner, group, noPrizes, "prizes");
        Map<String, Object> tooMany = lottery("Huge", 0, null);
        tooMany.put("prizes", List.of(Map.of("name", "Sticker", "quantity", 1_001)));
        invalid(owner, group, tooMany, "prizes[0].quantity");
        invalid(owner, group, lottery("Negative", -1, null), "entryCost");
        invalid(owner, group, lottery("Eight days", 0, Map.of("minCheckInDays", 8)), "eligibility.minCheckInDays");
        given().auth().oauth2(memberToken(member)).contentType("application/json").body(lottery("Mine", 0, null))
                .when().post("/api/v1/groups/" + group + "/lotteries").then().statusCode(403);

        String lottery = create(owner, group, lottery("Members only", 0, null));
        UUID outsider = UUID.randomUUID();
        enter(outsider, group, lottery).then().statusCode(403);
        for (String suffix : List.of("", "/verification")) {
            given().auth().oauth2(memberToken(outsider)).when().get(path(group, lottery) + suffix).then().statusCode(403);
        }
        given().auth().oauth2(memberToken(outsider)).when().get("/api/v1/groups/" + group + "/lotteries").then().statusCode(403);
        given().auth().oauth2(memberToken(member)).when().post(path(group, lottery) + "/draw").then().statusCode(403);
        given().auth().oauth2(memberToken(member)).when().post(path(group, lottery) + "/cancel").then().statusCode(403);
        given().auth().oauth2(memberToken(member)).when().get(path(group, UUID.randomUUID().toString())).then().statusCode(404);
        given().auth().oauth2(memberToken(member)).queryParam("size", 1).when().get("/api/v1/groups/" + group + "/lotteries")
                .then().statusCode(200).body("totalItems", equalTo(1)).body("items[0].id", equalTo(lottery));
    }

    private void checkInYesterdayAndToday(UUID group, UUID member) {
        clock.moveTo(Instant.now().minus(Duration.ofDays(1)));
        given().auth().oauth2(memberToken(member)).when().post("/api/v1/groups/" + group + "/check-ins").then().statusCode(201);
        clock.reset();
        given().auth().oauth2(memberToken(member)).when().post("/api/v1/groups/" + group + "/check-ins").then().statusCode(201);
    }

    private static void refused(UUID member, UUID group, String lottery, String rule, String field) {
        enter(member, group, lottery).then().statusCode(422).contentType("application/problem+json")
                .body("type", equalTo("https://shequn.io/problems/not-eligible-" + rule)).body("detail", startsWith(field + ":"));
    }

    private static void invalid(UUID owner, UUID group, Map<String, Object> body, String field) {
        given().auth().oauth2(memberToken(owner)).contentType("application/json").body(body)
                .when().post("/api/v1/groups/" + group + "/lotteries")
                .then().statusCode(400).contentType("application/problem+json").body("detail", org.hamcrest.Matchers.containsString(field));
    }

    /** Entries close in an hour, the draw in two; three prizes (one worth 500 points each), 9 units in all. */
    static Map<String, Object> lottery(String title, long cost, Map<String, Object> eligibility) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("entryCost", cost);
        body.put("prizes", List.of(Map.of("name", "Signed book", "quantity", 1, "points", 500),
                Map.of("name", "Mug", "quantity", 3), Map.of("name", "Sticker", "quantity", 5)));
        if (eligibility != null) {
            body.put("eligibility", eligibility);
        }
        body.put("entriesCloseAt", Instant.now().plus(Duration.ofHours(1)).toString());
        body.put("drawAt", Instant.now().plus(Duration.ofHours(2)).toString());
        return body;
    }

    static String create(UUID manager, UUID group, Map<String, Object> body) {
        return given().auth().oauth2(memberToken(manager)).contentType("application/json").body(body)
                .when().post("/api/v1/groups/" + group + "/lotteries").then().statusCode(201)
                .body("status", equalTo("OPEN")).body("seedHash", org.hamcrest.Matchers.matchesPattern("[0-9a-f]{64}"))
                .extract().path("id");
    }

    static Response enter(UUID member, UUID group, String lottery) {
        return given().auth().oauth2(memberToken(member)).when().post(path(group, lottery) + "/entries");
    }

    static String path(UUID group, String lottery) {
        return "/api/v1/groups/" + group + "/lotteries/" + lottery;
    }
}
