package io.shequn.analytics.activity;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.shequn.analytics.Scenario;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * docs/analytics.md, version 3, "Messages from non-members": a chat bridge's message from someone
 * who has not joined the group moves no figure of the group; if their member-joined is consumed
 * after the message (topics are read in any order), the message counts from then on.
 */
@QuarkusTest
class OutsideMessagesTest {

    /** Monday 3 May 2004: no other test uses those days. */
    private final Scenario s = new Scenario(LocalDate.of(2004, 5, 3));

    @Test
    void aNonMembersMessageCountsInNoFigureAndALateJoinCountsItThen() {
        UUID group = UUID.randomUUID();
        UUID owner = UUID.randomUUID();
        UUID stranger = UUID.randomUUID();
        UUID late = UUID.randomUUID();
        s.groupCreated(group, owner);
        s.joined(group, owner, 0, "OWNER", null);
        UUID strangers = UUID.randomUUID();
        s.message(group, stranger, 0, strangers, null);
        s.message(group, late, 0, UUID.randomUUID(), strangers);   // a reply to the stranger, before its author's join is read
        s.message(group, owner, 0, UUID.randomUUID(), strangers);   // read after both (same partition)

        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> assertThat(messagesOn(group)).isEqualTo(1));
        JsonPath summary = summary(group);
        assertThat(summary.getLong("dau")).isEqualTo(1);
        assertThat(summary.getLong("members")).isEqualTo(1);
        assertThat(kols(group).getList("memberId", String.class)).containsExactly(owner.toString());
        assertThat(kols(group).getInt("[0].repliesReceived")).isZero();

        s.joined(group, late, 0, "MEMBER", null);
        await().atMost(Duration.ofSeconds(30)).until(() -> messagesOn(group) == 2);
        assertThat(summary(group).getLong("dau")).isEqualTo(2);
        assertThat(summary(group).getLong("members")).isEqualTo(2);
        assertThat(kols(group).getList("memberId", String.class)).containsExactlyInAnyOrder(owner.toString(), late.toString());
    }

    private long messagesOn(UUID group) {
        return Scenario.get("/api/v1/analytics/groups/" + group + "/timeseries",
                Map.of("metric", "MESSAGES", "from", s.day(0).toString(), "to", s.day(0).toString())).getLong("[0].value");
    }

    private JsonPath summary(UUID group) {
        return Scenario.get("/api/v1/analytics/groups/" + group + "/summary", Map.of("day", s.day(0).toString()));
    }

    private JsonPath kols(UUID group) {
        return Scenario.get("/api/v1/analytics/groups/" + group + "/kols", Map.of("from", s.day(0).toString(), "to", s.day(0).toString()));
    }
}
