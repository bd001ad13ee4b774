package io.shequn.engagement.activities;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import io.shequn.contracts.Events;
import io.shequn.contracts.events.GroupRole;
import io.shequn.engagement.Http;
import io.shequn.engagement.Http.Reply;
import io.shequn.engagement.PublishedEvents;
import io.shequn.engagement.TestClock;
import io.shequn.engagement.points.PointsReason;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.net.http.HttpRequest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.stream.IntStream;

import static io.restassured.RestAssured.given;
import static io.shequn.engagement.GroupEvents.join;
import static io.shequn.engagement.GroupEvents.joinMany;
import static io.shequn.engagement.GroupEvents.memberToken;
import static io.shequn.engagement.GroupEvents.operatorToken;
import static io.shequn.engagement.Race.race;
import static io.shequn.engagement.TestPoints.entries;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThan;
import static org.hamcrest.Matchers.lessThanOrEqualTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class ActivityResourceTest {

    @Inject
    TestClock clock;

    @Inject
    DataSource dataSource;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void twoHundredRacingSignUpsFillFiftyPlacesAndWaitlistTheRestInArrivalOrderAndCancellationsPromoteTheNext() throws Exception {
        UUID group = UUID.randomUUID();
        UUID owner = UUID.randomUUID();
        join(group, owner, GroupRole.OWNER);
        List<UUID> members = joinMany(group, 200);
        members.forEach(member -> memberToken(member));
        String activity = create(owner, group, activity("ONLINE_TALK", 50, 120, 60));

        List<Reply> replies = race(members.stream().<Callable<Reply>>map(member -> () ->
                Http.post(path(group, activity) + "/sign-ups", memberToken(member))).toList());

        assertThat(replies).extracting(Reply::status).containsOnly(201);
        List<JsonNode> signUps = replies.stream().map(Reply::body)
                .sorted(Comparator.comparing((JsonNode s) -> Instant.parse(s.get("signedUpAt").asText()))).toList();
        List<JsonNode> placed = signUps.stream().filter(s -> s.get("status").asText().equals("SIGNED_UP")).toList();
        List<JsonNode> waiting = signUps.stream().filter(s -> s.get("status").asText().equals("WAITLISTED")).toList();
        assertThat(placed).hasSize(50);
        assertThat(waiting).hasSize(150);
        // Arrival order is the order the activity's lock let them in, which signedUpAt records.
        assertThat(placed).extracting(s -> s.get("number").asInt()).containsExactlyElementsOf(IntStream.rangeClosed(1, 50).boxed().toList());
        assertThat(waiting).extracting(s -> s.get("waitlistPosition").asInt())
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 150).boxed().toList());
        assertThat(Instant.parse(placed.get(49).get("signedUpAt").asText()))
                .isBeforeOrEqualTo(Instant.parse(waiting.get(0).get("signedUpAt").asText()));
        JsonPath chain = chain(group, activity, 0);
        assertThat(chain.getInt("totalItems")).isEqualTo(200);
        assertThat(chain.getList("items.memberId", String.class).subList(0, 50))
                .containsExactlyElementsOf(placed.stream().map(s -> s.get("memberId").asText()).toList());

        List<UUID> leaving = placed.subList(0, 10).stream().map(s -> UUID.fromString(s.get("memberId").asText())).toList();
        List<Reply> cancelled = race(leaving.stream().<Callable<Reply>>map(member -> () -> Http.send(HttpRequest.newBuilder(
                        Http.uri(path(group, activity) + "/sign-ups/me")).header("Authorization", "Bearer " + memberToken(member))
                .DELETE().build())).toList());

        assertThat(cancelled).extracting(Reply::status).containsOnly(204);
        List<String> nextTen = waiting.subList(0, 10).stream().map(s -> s.get("memberId").asText()).toList();
        JsonPath after = chain(group, activity, 0);
        assertThat(after.getInt("totalItems")).isEqualTo(190);
        assertThat(after.getList("items.memberId", String.class).subList(40, 50)).containsExactlyElementsOf(nextTen);
        assertThat(after.getList("items.number", Integer.class).subList(0, 50))
                .containsExactlyElementsOf(IntStream.rangeClosed(1, 50).boxed().toList());
        assertThat(after.getList("items.promotedAt", String.class).subList(40, 50)).doesNotContainNull();
        assertThat(after.getString("items[50].memberId")).isEqualTo(waiting.get(10).get("memberId").asText());
        assertThat(after.getInt("items[50].waitlistPosition")).isEqualTo(1);
        given().auth().oauth2(memberToken(owner)).when().get(path(group, activity))
                .then().statusCode(200).body("signedUp", equalTo(50)).body("waitlisted", equalTo(140));
        given().auth().oauth2(memberToken(UUID.fromString(nextTen.get(0)))).when().get(path(group, activity))
                .then().body("mySignUp.status", equalTo("SIGNED_UP")).body("mySignUp.number", equalTo(41));
    }

    @Test
    void attendanceIsOnceByCodeInTheWindowOrByAManagerAndTheNoShowsAreExact() {
        UUID group = UUID.randomUUID();
        UUID owner = UUID.randomUUID();
        join(group, owner, GroupRole.OWNER);
        List<UUID> members = new ArrayList<>();
        for (int i = 0; i < 4; i++) {
            UUID member = UUID.randomUUID();
            join(group, member);
            members.add(member);
        }
        UUID a = members.get(0);
        UUID b = members.get(1);
        UUID c = members.get(2);
        UUID waitlisted = members.get(3);
        Instant start = Instant.now().plus(Duration.ofMinutes(60));
        JsonPath created = given().auth().oauth2(memberToken(owner)).contentType("application/json")
                .body(with(activity("OFFLINE_MEETUP", 3, 60, 120), "hostId", owner.toString())).when().post("/api/v1/groups/" + group + "/activities")
                .then().statusCode(201).body("attendanceCode", notNullValue()).extract().jsonPath();
        String activity = created.getString("id");
        String code = created.getString("attendanceCode");
        for (UUID member : members) {
            given().auth().oauth2(memberToken(member)).when().post(path(group, activity) + "/sign-ups").then().statusCode(201);
        }
        given().auth().oauth2(memberToken(a)).when().get(path(group, activity)).then().body("attendanceCode", nullValue());

        attendByCode(a, group, activity, code).then().statusCode(422)
                .body("type", equalTo("https://shequn.io/problems/outside-attendance-window"));
        given().auth().oauth2(memberToken(owner)).when().get(path(group, activity) + "/no-shows")
                .then().statusCode(409).body("type", equalTo("https://shequn.io/problems/activity-not-ended"));

        clock.moveTo(start.plus(Duration.ofMinutes(10)));
        attendByCode(a, group, activity, code.toLowerCase()).then().statusCode(201).body("pointsAwarded", equalTo(20));
        attendByCode(a, group, activity, code).then().statusCode(200);
        attendByCode(b, group, activity, "ZZZZZZ").then().statusCode(422)
                .body("type", equalTo("https://shequn.io/problems/wrong-attendance-code"));
        given().auth().oauth2(memberToken(c)).contentType("application/json").body(Map.of("memberId", b.toString()))
                .when().post(path(group, activity) + "/attendances").then().statusCode(403);
        given().auth().oauth2(memberToken(owner)).contentType("application/json").body(Map.of("memberId", b.toString()))
                .when().post(path(group, activity) + "/attendances").then().statusCode(201).body("markedBy", equalTo(owner.toString()));
        given().auth().oauth2(memberToken(owner)).contentType("application/json").body(Map.of("memberId", b.toString(), "code", code))
                .when().post(path(group, activity) + "/attendances").then().statusCode(400);

        clock.moveTo(start.plus(Duration.ofMinutes(121)));
        attendByCode(c, group, activity, code).then().statusCode(422)
                .body("type", equalTo("https://shequn.io/problems/outside-attendance-window"));
        given().auth().oauth2(memberToken(owner)).when().get(path(group, activity) + "/no-shows")
                .then().statusCode(200).body("totalItems", equalTo(1)).body("items[0].memberId", equalTo(c.toString()))
                .body("items[0].number", equalTo(3));
        given().auth().oauth2(memberToken(waitlisted)).when().get(path(group, activity) + "/no-shows").then().statusCode(403);

        assertThat(entriesOf(activity)).containsOnlyKeys(a, b).containsValues(20L);
        JsonNode attended = PublishedEvents.await(Events.ACTIVITY_ATTENDED, group,
                e -> e.get("activityId").asText().equals(activity) && e.get("memberId").asText().equals(a.toString()));
        assertThat(Instant.parse(attended.get("attendedAt").asText())).isAfter(start);
    }

    @Test
    void anAttendanceAwardsTheGroupsAttendancePointsAsLastSetAndNoneWhenSetToZero() {
        UUID group = UUID.randomUUID();
        UUID owner = UUID.randomUUID();
        UUID first = UUID.randomUUID();
        UUID second = UUID.randomUUID();
        join(group, owner, GroupRole.OWNER);
        join(group, first);
        join(group, second);
        Instant start = Instant.now().plus(Duration.ofMinutes(60));
        JsonPath created = given().auth().oauth2(memberToken(owner)).contentType("application/json")
                .body(with(activity("ONLINE_TALK", null, 60, 120), "hostId", owner.toString())).when().post("/api/v1/groups/" + group + "/activities")
                .then().statusCode(201).extract().jsonPath();
        String activity = created.getString("id");
        String code = created.getString("attendanceCode");

        rules(owner, group, 35L).then().statusCode(200).body("activityAttendancePoints", equalTo(35));
        // Rules written without the setting (as before it existed) leave it as it is.
        rules(owner, group, null).then().statusCode(200).body("activityAttendancePoints", equalTo(35));
        given().auth().oauth2(memberToken(first)).when().get("/api/v1/groups/" + group + "/engagement-rules")
                .then().statusCode(200).body("activityAttendancePoints", equalTo(35));
        clock.moveTo(start);
        attendByCode(first, group, activity, code).then().statusCode(201).body("pointsAwarded", equalTo(35));

        rules(owner, group, 0L).then().statusCode(200).body("activityAttendancePoints", equalTo(0));
        attendByCode(second, group, activity, code).then().statusCode(201).body("pointsAwarded", equalTo(0));
        rules(owner, group, -1L).then().statusCode(400).body("detail", containsString("activityAttendancePoints"));

        assertThat(entriesOf(activity)).containsExactly(Map.entry(first, 35L));
    }

    private static Response rules(UUID owner, UUID group, Long attendancePoints) {
        Map<String, Object> rules = new HashMap<>(Map.of("checkInBasePoints", 10, "checkInStreakStep", 2, "checkInStreakCap", 20,
                "checkInWeeklyBonus", 50, "messagePoints", 1, "messageDailyCap", 20));
        if (attendancePoints != null) {
            rules.put("activityAttendancePoints", attendancePoints);
        }
        return given().auth().oauth2(memberToken(owner)).contentType("application/json").body(rules)
                .when().put("/api/v1/groups/" + group + "/engagement-rules");
    }

    @Test
    void fiveWrongCodesWithinFifteenMinutesLockAMemberOutOfGuessingEvenWhenRacing() throws Exception {
        UUID group = UUID.randomUUID();
        UUID owner = UUID.randomUUID();
        UUID guesser = UUID.randomUUID();
        UUID other = UUID.randomUUID();
        UUID racer = UUID.randomUUID();
        join(group, owner, GroupRole.OWNER);
        join(group, guesser);
        join(group, other);
        join(group, racer);
        Instant start = Instant.now().plus(Duration.ofMinutes(60));
        JsonPath created = given().auth().oauth2(memberToken(owner)).contentType("application/json")
                .body(with(activity("ONLINE_TALK", null, 60, 120), "hostId", owner.toString())).when()
                .post("/api/v1/groups/" + group + "/activities").then().statusCode(201).extract().jsonPath();
        String activity = created.getString("id");
        String code = created.getString("attendanceCode");
        String wrong = code.equals("222222") ? "333333" : "222222";
        clock.moveTo(start);

        for (int i = 1; i <= 5; i++) {
            attendByCode(guesser, group, activity, wrong).then().statusCode(422)
                    .body("type", equalTo("https://shequn.io/problems/wrong-attendance-code"))
                    .body("detail", containsString((5 - i) + " wrong guesses left"));
        }
        attendByCode(guesser, group, activity, wrong).then().statusCode(429).contentType("application/problem+json")
                .header("Retry-After", Integer::parseInt, allOf(greaterThan(800), lessThanOrEqualTo(900)))
                .body("type", equalTo("https://shequn.io/problems/too-many-attendance-code-guesses")).body("detail", containsString("code"));
        // Locked out, the right code is refused too (else guessing would go on); other members are not affected.
        clock.moveTo(start.plus(Duration.ofMinutes(10)));
        attendByCode(guesser, group, activity, code).then().statusCode(429)
                .header("Retry-After", Integer::parseInt, allOf(greaterThan(200), lessThanOrEqualTo(310)));
        attendByCode(other, group, activity, code).then().statusCode(201);
        clock.moveTo(start.plus(Duration.ofMinutes(16)));
        attendByCode(guesser, group, activity, code).then().statusCode(201);

        List<Reply> racing = race(IntStream.range(0, 20).<Callable<Reply>>mapToObj(i -> () -> Http.send(HttpRequest.newBuilder(
                        Http.uri(path(group, activity) + "/attendances")).header("Authorization", "Bearer " + memberToken(racer))
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString("{\"code\":\"" + wrong + "\"}"))
                .build())).toList());
        assertThat(racing).extracting(Reply::status).filteredOn(status -> status == 422).hasSize(5);
        assertThat(racing).extracting(Reply::status).filteredOn(status -> status == 429).hasSize(15);
        assertThat(entriesOf(activity)).containsOnlyKeys(other, guesser);
    }

    @Test
    void activityScheduledIsPublishedWithEachChangeAndAHigherVersion() {
        UUID group = UUID.randomUUID();
        UUID owner = UUID.randomUUID();
        UUID host = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        join(group, owner, GroupRole.OWNER);
        join(group, host, GroupRole.LECTURER);
        join(group, member);
        Map<String, Object> body = activity("ONLINE_TALK", 1, 60, 60);
        body.put("hostId", host.toString());
        String activity = create(owner, group, body);
        given().auth().oauth2(memberToken(host)).when().get(path(group, activity)).then().body("attendanceCode", notNullValue());
        given().auth().oauth2(memberToken(member)).when().post(path(group, activity) + "/sign-ups").then().statusCode(201);

        Instant later = Instant.now().plus(Duration.ofHours(5)).truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        given().auth().oauth2(memberToken(owner)).contentType("application/json")
                .body(Map.of("startsAt", later.toString(), "endsAt", later.plus(Duration.ofHours(1)).toString(), "capacity", 20))
                .when().patch(path(group, activity)).then().statusCode(200).body("version", equalTo(2)).body("capacity", equalTo(20));
        given().auth().oauth2(memberToken(owner)).contentType("application/json").body(Map.of("capacity", 1))
                .when().patch(path(group, activity)).then().statusCode(200);
        given().auth().oauth2(memberToken(owner)).when().post(path(group, activity) + "/cancel")
                .then().statusCode(200).body("status", equalTo("CANCELLED")).body("version", equalTo(4));
        given().auth().oauth2(memberToken(owner)).when().post(path(group, activity) + "/cancel").then().statusCode(200).body("version", equalTo(4));
        UUID late = UUID.randomUUID();
        join(group, late);
        given().auth().oauth2(memberToken(late)).when().post(path(group, activity) + "/sign-ups")
                .then().statusCode(409).body("type", equalTo("https://shequn.io/problems/activity-cancelled"));

        List<JsonNode> events = PublishedEvents.all(Events.ACTIVITY_SCHEDULED, group, e -> e.get("activityId").asText().equals(activity),
                Duration.ofSeconds(3));
        assertThat(events).extracting(e -> e.get("version").asInt()).containsExactlyInAnyOrder(1, 2, 3, 4);
        JsonNode moved = events.stream().filter(e -> e.get("version").asInt() == 2).findFirst().orElseThrow();
        assertThat(Instant.parse(moved.get("startsAt").asText())).isEqualTo(later);
        assertThat(moved.get("hostId").asText()).isEqualTo(host.toString());
        assertThat(events.stream().filter(e -> e.get("version").asInt() == 4).findFirst().orElseThrow().get("status").asText())
                .isEqualTo("CANCELLED");
    }

    @Test
    void upcomingActivitiesComeSoonestFirstAndPastOnesLatestFirst() {
        UUID group = UUID.randomUUID();
        UUID owner = UUID.randomUUID();
        join(group, owner, GroupRole.OWNER);
        String first = create(owner, group, activity("TOPIC_DISCUSSION", null, 60, 60));
        String second = create(owner, group, activity("FLASH_SALE", null, 180, 60));
        String third = create(owner, group, activity("ONLINE_TALK", null, 300, 60));
        clock.moveTo(Instant.now().plus(Duration.ofMinutes(150)));

        given().auth().oauth2(memberToken(owner)).queryParam("size", 1).when().get("/api/v1/groups/" + group + "/activities")
                .then().statusCode(200).body("totalItems", equalTo(2)).body("totalPages", equalTo(2)).body("items[0].id", equalTo(second));
        given().auth().oauth2(memberToken(owner)).queryParam("page", 1).queryParam("size", 1).when().get("/api/v1/groups/" + group + "/activities")
                .then().statusCode(200).body("items[0].id", equalTo(third));
        given().auth().oauth2(memberToken(owner)).queryParam("when", "PAST").when().get("/api/v1/groups/" + group + "/activities")
                .then().statusCode(200).body("totalItems", equalTo(1)).body("items[0].id", equalTo(first));
        given().auth().oauth2(memberToken(owner)).queryParam("when", "SOMEDAY").when().get("/api/v1/groups/" + group + "/activities")
                .then().statusCode(400).body("detail", containsString("when"));
    }

    @Test
    void badActivitiesAreRefusedNamingTheFieldAndNonMembersAreForbiddenEverywhere() {
        UUID group = UUID.randomUUID();
        UUID owner = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        join(group, owner, GroupRole.OWNER);
        join(group, member);

        invalid(owner, group, with(activity("ONLINE_TALK", 10, 60, 60), "type", "KARAOKE"), 400, "type");
        invalid(owner, group, with(activity("ONLINE_TALK", 10, 60, 60), "endsAt", Instant.now().plusSeconds(60).toString()), 400, "endsAt");
        invalid(owner, group, with(activity("OFFLINE_MEETUP", 10, 60, 60), "location", null), 400, "location");
        invalid(owner, group, with(activity("ONLINE_TALK", 10, 60, 60), "capacity", 0), 400, "capacity");
        invalid(owner, group, with(activity("ONLINE_TALK", 10, 60, 60), "startsAt", Instant.now().minusSeconds(60).toString()), 400, "startsAt");
        invalid(owner, group, with(activity("ONLINE_TALK", 10, 60, 60), "hostId", UUID.randomUUID().toString()), 422, "hostId");
        given().auth().oauth2(memberToken(member)).contentType("application/json")
                .body(with(activity("ONLINE_TALK", 10, 60, 60), "hostId", member.toString()))
                .when().post("/api/v1/groups/" + group + "/activities").then().statusCode(403);

        String activity = create(owner, group, activity("ONLINE_TALK", 10, 60, 60));
        UUID outsider = UUID.randomUUID();
        for (String suffix : List.of("", "/sign-ups", "/no-shows")) {
            given().auth().oauth2(memberToken(outsider)).when().get(path(group, activity) + suffix).then().statusCode(403);
        }
        given().auth().oauth2(memberToken(outsider)).when().get("/api/v1/groups/" + group + "/activities").then().statusCode(403);
        given().auth().oauth2(memberToken(outsider)).when().post(path(group, activity) + "/sign-ups").then().statusCode(403);
        given().auth().oauth2(memberToken(outsider)).when().delete(path(group, activity) + "/sign-ups/me").then().statusCode(403);
        attendByCode(outsider, group, activity, "AAAAAA").then().statusCode(403);
        given().auth().oauth2(memberToken(member)).contentType("application/json").body(Map.of("capacity", 5))
                .when().patch(path(group, activity)).then().statusCode(403);
        given().auth().oauth2(memberToken(member)).when().delete(path(group, activity) + "/sign-ups/me").then().statusCode(404);
        given().auth().oauth2(operatorToken()).when().get(path(group, UUID.randomUUID().toString())).then().statusCode(404);
    }

    private Map<UUID, Long> entriesOf(String activity) {
        try {
            return entries(dataSource, PointsReason.ACTIVITY_ATTENDANCE, UUID.fromString(activity));
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private static JsonPath chain(UUID group, String activity, int page) {
        return given().auth().oauth2(operatorToken()).queryParam("size", 100).queryParam("page", page)
                .when().get(path(group, activity) + "/sign-ups").then().statusCode(200).extract().jsonPath();
    }

    private static Response attendByCode(UUID member, UUID group, String activity, String code) {
        return given().auth().oauth2(memberToken(member)).contentType("application/json").body(Map.of("code", code))
                .when().post(path(group, activity) + "/attendances");
    }

    private static void invalid(UUID owner, UUID group, Map<String, Object> body, int status, String field) {
        body.putIfAbsent("hostId", owner.toString());
        given().auth().oauth2(memberToken(owner)).contentType("application/json").body(body)
                .when().post("/api/v1/groups/" + group + "/activities")
                .then().statusCode(status).contentType("application/problem+json").body("detail", containsString(field));
    }

    private static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        body.put(field, value);
        return body;
    }

    /** Hosted by its creator, starting in {@code startsInMinutes} and lasting {@code minutes}. */
    static Map<String, Object> activity(String type, Integer capacity, int startsInMinutes, int minutes) {
        Instant start = Instant.now().plus(Duration.ofMinutes(startsInMinutes));
        Map<String, Object> body = new HashMap<>();
        body.put("type", type);
        body.put("title", "活动 " + type);
        body.put("startsAt", start.toString());
        body.put("endsAt", start.plus(Duration.ofMinutes(minutes)).toString());
        if (capacity != null) {
            body.put("capacity", capacity);
        }
        if (type.equals("OFFLINE_MEETUP")) {
            body.put("location", "杭州市西湖区文三路 1 号");
        }
        return body;
    }

    static String create(UUID owner, UUID group, Map<String, Object> body) {
        body.putIfAbsent("hostId", owner.toString());
        return given().auth().oauth2(memberToken(owner)).contentType("application/json").body(body)
                .when().post("/api/v1/groups/" + group + "/activities").then().statusCode(201)
                .body("status", equalTo("SCHEDULED")).body("version", equalTo(1)).extract().path("id");
    }

    static String path(UUID group, String activity) {
        return "/api/v1/groups/" + group + "/activities/" + activity;
    }
}
