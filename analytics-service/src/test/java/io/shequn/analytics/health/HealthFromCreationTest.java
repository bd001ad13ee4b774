package io.shequn.analytics.health;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shequn.analytics.Scenario;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * A group is NEW from its creation (docs/analytics.md, version 2), whichever of its topics is
 * consumed first: events read before group-created assess nothing, no day before the creation day
 * is ever assessed, and no group-health-changed is published until the stage really changes.
 */
@QuarkusTest
class HealthFromCreationTest {

    private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");

    @Inject
    HealthSweep sweep;

    @Test
    void aGroupCreatedTodayIsNewWhicheverTopicIsReadFirstAndTheSweepRaisesNoAlert() {
        try (Scenario s = new Scenario()) {
            Instant created = Instant.now().truncatedTo(ChronoUnit.MILLIS).minusSeconds(60);
            UUID first = UUID.randomUUID();
            UUID last = UUID.randomUUID();
            UUID owner = UUID.randomUUID();
            UUID member = UUID.randomUUID();
            // The same first minutes twice: group-created read first, and read after everything else.
            groupCreated(s, first, owner, created);
            firstMinutes(s, first, owner, member, created);
            firstMinutes(s, last, owner, member, created);
            LocalDate day = LocalDate.ofInstant(created, SHANGHAI);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(summary(last, day).getLong("dau")).isEqualTo(1));
            assertThat(summary(last, day).getMap("health")).as("no assessment before group-created").isNull();
            groupCreated(s, last, owner, created);

            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> {
                assertThat(summary(last, day).getString("health.stage")).isEqualTo("NEW");
                assertThat(summary(last, day).getString("health.assessedDay")).isEqualTo(day.toString());
            });
            // The creation day is assessed by every event of the day: both orders give the same assessment.
            assertThat(summary(first, day).getMap("health")).isEqualTo(summary(last, day).getMap("health"));

            sweep.sweep();   // as of the later of yesterday and the creation day: the creation day
            assertThat(summary(last, day).getString("health.stage")).isEqualTo("NEW");
            assertThat(summary(last, day).getString("health.assessedDay")).isEqualTo(day.toString());
            assertThat(summary(first, day).getMap("health")).isEqualTo(summary(last, day).getMap("health"));
            JsonPath ranking = given().auth().oauth2(Scenario.member(owner)).when().get("/api/v1/analytics/groups")
                    .then().statusCode(200).extract().jsonPath();
            assertThat(ranking.getList("items.stage", String.class)).containsExactly("NEW", "NEW");
            assertThat(s.kafka().readAll("group-health-changed",
                    r -> first.toString().equals(r.key()) || last.toString().equals(r.key()), Duration.ofSeconds(2))).isEmpty();
        }
    }

    @Test
    void noDayBeforeTheCreationDayIsAssessed() {
        try (Scenario s = new Scenario(LocalDate.of(2025, 2, 3))) {
            UUID group = UUID.randomUUID();
            UUID owner = UUID.randomUUID();
            s.joined(group, owner, 0, "OWNER", null);
            s.message(group, owner, 0, UUID.randomUUID(), null);
            s.message(group, owner, 1, UUID.randomUUID(), null);
            await().atMost(Duration.ofSeconds(20)).untilAsserted(() -> assertThat(summary(group, s.day(1)).getLong("dau")).isEqualTo(1));
            assertThat(summary(group, s.day(1)).getMap("health")).isNull();

            s.groupCreated(group, owner);            // 08:00 on day 0 in Shanghai
            await().atMost(Duration.ofSeconds(20)).until(() -> summary(group, s.day(1)).getMap("health") != null);
            assertThat(summary(group, s.day(1)).getString("health.assessedDay")).isEqualTo(s.day(0).toString());
            assertThat(summary(group, s.day(1)).getString("health.stage")).isEqualTo("NEW");

            s.message(group, owner, 3, UUID.randomUUID(), null);   // day 2 complete
            await().atMost(Duration.ofSeconds(20)).until(() -> summary(group, s.day(3)).getString("health.assessedDay"),
                    s.day(2).toString()::equals);
            assertThat(summary(group, s.day(3)).getString("health.stage")).isEqualTo("NEW");
            assertThat(s.kafka().readAll("group-health-changed", r -> group.toString().equals(r.key()), Duration.ofSeconds(2))).isEmpty();
        }
    }

    /** The owner joins, a member joins and posts and checks in, a minute after the creation. */
    private static void firstMinutes(Scenario s, UUID group, UUID owner, UUID member, Instant created) {
        Instant joined = created.plusSeconds(1);
        s.send("member-joined", group, joined, """
                {"groupId":"%s","memberId":"%s","role":"OWNER","via":"OWNER","joinedAt":"%s"}""".formatted(group, owner, joined));
        s.send("member-joined", group, joined.plusSeconds(10), """
                {"groupId":"%s","memberId":"%s","role":"MEMBER","via":"OPEN","joinedAt":"%s"}""".formatted(group, member, joined.plusSeconds(10)));
        s.send("message-posted", group, joined.plusSeconds(20), """
                {"messageId":"%s","groupId":"%s","memberId":"%s","kind":"TEXT","length":3,"postedAt":"%s"}"""
                .formatted(UUID.nameUUIDFromBytes((group + "m").getBytes()), group, member, joined.plusSeconds(20)));
        s.send("checked-in", group, joined.plusSeconds(30), """
                {"groupId":"%s","memberId":"%s","day":"%s","streak":1,"pointsAwarded":10,"checkedInAt":"%s"}"""
                .formatted(group, member, LocalDate.ofInstant(joined, SHANGHAI), joined.plusSeconds(30)));
    }

    private static void groupCreated(Scenario s, UUID group, UUID owner, Instant at) {
        s.send("group-created", group, at, """
                {"groupId":"%s","name":"Fresh","type":"INTEREST","ownerId":"%s","timeZone":"Asia/Shanghai","createdAt":"%s"}"""
                .formatted(group, owner, at));
    }

    private static JsonPath summary(UUID group, LocalDate day) {
        return Scenario.get("/api/v1/analytics/groups/" + group + "/summary", Map.of("day", day.toString()));
    }
}
