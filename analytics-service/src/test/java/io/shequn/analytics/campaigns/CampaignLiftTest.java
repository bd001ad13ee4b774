package io.shequn.analytics.campaigns;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shequn.analytics.Scenario;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.containsString;

/**
 * A hand-built history around a red packet, a lottery draw and an activity (moved once, its older
 * version arriving last), and a cancelled activity, with the exact lift of each
 * (docs/analytics.md, "Campaigns"). Windows are half-open: an event at exactly 24 hours before a
 * moment counts, one at exactly 24 hours after does not.
 */
@QuarkusTest
class CampaignLiftTest {

    private static final Duration D = Duration.ofDays(1);

    @Test
    void eachCampaignsWindowsParticipantsAndReactivationsAreExact() {
        try (Scenario s = new Scenario()) {
            UUID group = UUID.randomUUID();
            UUID owner = UUID.randomUUID();
            UUID m1 = UUID.randomUUID();   // active all along
            UUID m2 = UUID.randomUUID();   // silent 20 days, grabs, active again 3 days later
            UUID m3 = UUID.randomUUID();   // never active before, grabs, never again
            UUID m4 = UUID.randomUUID();   // active 13 days before: not silent
            UUID m5 = UUID.randomUUID();
            UUID m6 = UUID.randomUUID();
            UUID m7 = UUID.randomUUID();   // enters the lottery after no activity at all, checks in 2 days after
            Instant t = Instant.parse("2026-06-10T12:00:00Z");   // 20:00 in Shanghai
            s.send("group-created", group, t.minus(Duration.ofDays(60)), """
                    {"groupId":"%s","name":"Lift","type":"INTEREST","ownerId":"%s","timeZone":"Asia/Shanghai","createdAt":"%s"}"""
                    .formatted(group, owner, t.minus(Duration.ofDays(60))));
            join(s, group, owner, "OWNER", t.minus(Duration.ofDays(60)));
            for (UUID member : new UUID[] {m1, m2, m3, m4, m5, m6, m7}) {
                join(s, group, member, "MEMBER", t.minus(Duration.ofDays(30)));
            }

            // The red packet, sent at t.
            UUID packet = UUID.randomUUID();
            s.send("red-packet-sent", group, t, """
                    {"packetId":"%s","groupId":"%s","senderId":"%s","currency":"POINTS","totalAmount":1000,"count":10,"expiresAt":"%s","sentAt":"%s"}"""
                    .formatted(packet, group, owner, t.plus(D), t));
            message(s, group, m1, t.minus(D));                        // exactly 24 h before: counts
            message(s, group, m1, t.minus(Duration.ofHours(25)));     // outside
            message(s, group, m1, t.minus(Duration.ofHours(2)));
            checkIn(s, group, m6, t.minus(Duration.ofHours(3)));
            message(s, group, m2, t.minus(Duration.ofDays(20)));
            checkIn(s, group, m4, t.minus(Duration.ofDays(13)));
            grab(s, group, packet, m2, t.plus(Duration.ofMinutes(5)));
            grab(s, group, packet, m1, t.plus(Duration.ofMinutes(10)));
            grab(s, group, packet, m3, t.plus(Duration.ofMinutes(20)));
            grab(s, group, packet, m4, t.plus(Duration.ofMinutes(30)));
            grab(s, group, packet, m4, t.plus(Duration.ofMinutes(31)));   // the same member again: one participant
            checkIn(s, group, m1, t.plus(Duration.ofHours(3)));
            message(s, group, m5, t.plus(Duration.ofHours(23)));
            message(s, group, m5, t.plus(D));                         // exactly 24 h after: outside
            message(s, group, m2, t.plus(Duration.ofDays(3)));

            // The lottery, drawn at t + 2 days.
            UUID lottery = UUID.randomUUID();
            Instant drawn = t.plus(Duration.ofDays(2));
            entered(s, group, lottery, m5, drawn.minus(Duration.ofHours(1)));
            entered(s, group, lottery, m6, drawn.minus(Duration.ofHours(2)));
            entered(s, group, lottery, m7, drawn.minus(Duration.ofHours(1)));
            s.send("lottery-drawn", group, drawn, """
                    {"lotteryId":"%s","groupId":"%s","title":"周末抽奖","entrants":3,"seedHash":"%s","seed":"%s","entryListHash":"%s",
                     "winners":[{"memberId":"%s","prizePosition":1,"prize":"Mug","points":null}],"drawnAt":"%s"}"""
                    .formatted(lottery, group, "a".repeat(64), "b".repeat(64), "c".repeat(64), m7, drawn));
            message(s, group, m1, drawn.plus(Duration.ofHours(1)));
            checkIn(s, group, m7, drawn.plus(Duration.ofDays(2)));

            // An activity scheduled for t + 5 days and moved to t + 6 days; the first version arrives last.
            UUID activity = UUID.randomUUID();
            Instant starts = t.plus(Duration.ofDays(6));
            scheduled(s, group, activity, "读书会", starts, "SCHEDULED", 2);
            scheduled(s, group, activity, "读书会 (old)", t.plus(Duration.ofDays(5)), "SCHEDULED", 1);
            attended(s, group, activity, m1, starts.plus(Duration.ofMinutes(10)));
            attended(s, group, activity, m4, starts.plus(Duration.ofMinutes(15)));
            // A cancelled one is no campaign.
            UUID cancelled = UUID.randomUUID();
            scheduled(s, group, cancelled, "取消了", t.plus(Duration.ofDays(4)), "SCHEDULED", 1);
            scheduled(s, group, cancelled, "取消了", t.plus(Duration.ofDays(4)), "CANCELLED", 2);

            String path = "/api/v1/analytics/groups/" + group + "/campaigns";
            Map<String, String> june = Map.of("from", "2026-06-10", "to", "2026-06-30");
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
                JsonPath lift = Scenario.get(path, june);
                assertThat(lift.getList("items.campaignId", String.class))
                        .containsExactly(packet.toString(), lottery.toString(), activity.toString());
                assertThat(lift.getInt("totalItems")).isEqualTo(3);
                assertThat(lift.getList("items.kind", String.class)).containsExactly("RED_PACKET", "LOTTERY", "ACTIVITY");
                assertThat(lift.getList("items.at", String.class)).containsExactly(t.toString(), drawn.toString(), starts.toString());
                assertThat(lift.getList("items.title", String.class)).containsExactly(null, "周末抽奖", "读书会");
                assertThat(lift.getList("items.participants", Integer.class)).containsExactly(4, 3, 2);

                // Red packet: before m1 (2 messages) and m6; after m1..m4 (grabs) and m5 (1 message); m2 and m3 reactivated, m2 back.
                assertWindow(lift, "items[0].before", 2, 2);
                assertWindow(lift, "items[0].after", 5, 1);
                assertWindow(lift, "items[0].change", 3, -1);
                assertThat(lift.getInt("items[0].reactivated")).isEqualTo(2);
                assertThat(lift.getInt("items[0].reactivatedActiveAgain")).isEqualTo(1);

                // Lottery (entries are no activity): before m5 (its message at exactly 24 h before), after m1; m7 reactivated and back.
                assertWindow(lift, "items[1].before", 1, 1);
                assertWindow(lift, "items[1].after", 1, 1);
                assertThat(lift.getInt("items[1].reactivated")).isEqualTo(1);
                assertThat(lift.getInt("items[1].reactivatedActiveAgain")).isEqualTo(1);

                // Activity, at its latest start: nothing the day before, the two attendees after; none reactivated.
                assertWindow(lift, "items[2].before", 0, 0);
                assertWindow(lift, "items[2].after", 2, 0);
                assertThat(lift.getInt("items[2].reactivated")).isZero();
                assertThat(lift.getInt("items[2].reactivatedActiveAgain")).isZero();
            });

            // The window is days in the group's time zone: 11 June onwards leaves the red packet out.
            assertThat(Scenario.get(path, Map.of("from", "2026-06-11", "to", "2026-06-30")).getList("items.campaignId", String.class))
                    .containsExactly(lottery.toString(), activity.toString());
            assertThat(Scenario.get(path, Map.of("from", "2026-06-11", "to", "2026-06-30", "size", "1", "page", "1"))
                    .getList("items.campaignId", String.class)).containsExactly(activity.toString());

            // The group's owner reads it; a plain member does not; a bad window is a 400 naming it.
            given().auth().oauth2(Scenario.member(owner)).queryParams(june).when().get(path).then().statusCode(200);
            given().auth().oauth2(Scenario.member(m1)).queryParams(june).when().get(path).then().statusCode(403);
            given().auth().oauth2(Scenario.operator()).queryParams(Map.of("from", "2026-06-30", "to", "2026-06-10"))
                    .when().get(path).then().statusCode(400).contentType("application/problem+json").body("detail", containsString("to"));
            given().auth().oauth2(Scenario.operator()).queryParams(Map.of("from", "soon", "to", "2026-06-10"))
                    .when().get(path).then().statusCode(400).body("detail", containsString("from"));
        }
    }

    private static void assertWindow(JsonPath lift, String window, int activeMembers, int messages) {
        assertThat(lift.getInt(window + ".activeMembers")).as(window + ".activeMembers").isEqualTo(activeMembers);
        assertThat(lift.getInt(window + ".messages")).as(window + ".messages").isEqualTo(messages);
    }

    private static void join(Scenario s, UUID group, UUID member, String role, Instant at) {
        s.send("member-joined", group, at, """
                {"groupId":"%s","memberId":"%s","role":"%s","via":"%s","joinedAt":"%s"}"""
                .formatted(group, member, role, role.equals("OWNER") ? "OWNER" : "OPEN", at));
    }

    private static void message(Scenario s, UUID group, UUID member, Instant at) {
        s.send("message-posted", group, at, """
                {"messageId":"%s","groupId":"%s","memberId":"%s","kind":"TEXT","length":12,"postedAt":"%s"}"""
                .formatted(UUID.randomUUID(), group, member, at));
    }

    private static void checkIn(Scenario s, UUID group, UUID member, Instant at) {
        s.send("checked-in", group, at, """
                {"groupId":"%s","memberId":"%s","day":"%s","streak":1,"pointsAwarded":10,"checkedInAt":"%s"}"""
                .formatted(group, member, at.atZone(java.time.ZoneId.of("Asia/Shanghai")).toLocalDate(), at));
    }

    private static void grab(Scenario s, UUID group, UUID packet, UUID member, Instant at) {
        s.send("red-packet-grabbed", group, at, """
                {"packetId":"%s","groupId":"%s","memberId":"%s","amount":100,"currency":"POINTS","grabbedAt":"%s"}"""
                .formatted(packet, group, member, at));
    }

    private static void entered(Scenario s, UUID group, UUID lottery, UUID member, Instant at) {
        s.send("lottery-entered", group, at, """
                {"lotteryId":"%s","groupId":"%s","memberId":"%s","cost":0,"enteredAt":"%s"}""".formatted(lottery, group, member, at));
    }

    private static void attended(Scenario s, UUID group, UUID activity, UUID member, Instant at) {
        s.send("activity-attended", group, at, """
                {"activityId":"%s","groupId":"%s","memberId":"%s","attendedAt":"%s"}""".formatted(activity, group, member, at));
    }

    private static void scheduled(Scenario s, UUID group, UUID activity, String title, Instant starts, String status, int version) {
        Instant changed = starts.minus(Duration.ofDays(3)).plusSeconds(version);
        s.send("activity-scheduled", group, changed, """
                {"activityId":"%s","groupId":"%s","type":"OFFLINE_MEETUP","title":"%s","hostId":"%s","startsAt":"%s","endsAt":"%s",
                 "capacity":30,"location":"杭州","status":"%s","version":%d,"changedAt":"%s"}"""
                .formatted(activity, group, title, UUID.randomUUID(), starts, starts.plus(Duration.ofHours(2)), status, version, changed));
    }
}
