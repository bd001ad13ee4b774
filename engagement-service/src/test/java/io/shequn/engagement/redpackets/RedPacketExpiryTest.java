package io.shequn.engagement.redpackets;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.shequn.contracts.Events;
import io.shequn.engagement.PublishedEvents;
import io.shequn.engagement.TestClock;
import io.shequn.engagement.points.PointsReason;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import static io.restassured.RestAssured.given;
import static io.shequn.engagement.GroupEvents.join;
import static io.shequn.engagement.GroupEvents.memberToken;
import static io.shequn.engagement.Race.race;
import static io.shequn.engagement.TestPoints.entries;
import static io.shequn.engagement.TestPoints.grant;
import static io.shequn.engagement.TestPoints.net;
import static io.shequn.engagement.redpackets.RedPacketResourceTest.grab;
import static io.shequn.engagement.redpackets.RedPacketResourceTest.send;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

/** Expiry refunds what nobody grabbed exactly once: with a moved clock, racing runs, and a run that dies halfway. */
@QuarkusTest
class RedPacketExpiryTest {

    @Inject
    RedPacketExpiry expiry;

    @Inject
    TestClock clock;

    @Inject
    DataSource dataSource;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    @Test
    void aPacketWhoseGrabsStopHalfwayRefundsTheRemainderOnceWhenTwoExpiryRunsRace() throws Exception {
        Fixture fixture = packetGrabbedBy(4, 60);

        clock.moveTo(Instant.now().plus(Duration.ofMinutes(61)));
        grab(fixture.late, fixture.group, fixture.packet.toString()).then().statusCode(409)
                .body("type", equalTo("https://shequn.io/problems/red-packet-expired"));
        given().auth().oauth2(memberToken(fixture.sender)).when().get(fixture.path())
                .then().statusCode(200).body("status", equalTo("EXPIRED")).body("refundedAmount", nullValue());

        race(List.<Callable<Integer>>of(expiry::expireDue, expiry::expireDue));
        expiry.expireDue();

        assertRefundedOnce(fixture);
    }

    /**
     * The run is killed in the middle of its transaction, after finishing the packet and before
     * the refund commits, as a crash or a redeploy would kill it: the database ends the session and
     * rolls the transaction back. The next run, on this or any other replica, refunds once.
     */
    @Test
    void anExpiryRunKilledHalfwayIsRedoneOnceByTheNextRun() throws Exception {
        Fixture fixture = packetGrabbedBy(2, 30);
        clock.moveTo(Instant.now().plus(Duration.ofMinutes(31)));

        CompletableFuture<Integer> killed;
        try (Connection holder = dataSource.getConnection()) {
            holder.setAutoCommit(false);
            try (PreparedStatement lock = holder.prepareStatement("select balance from points_account where member_id = ? for update")) {
                lock.setObject(1, fixture.sender);
                lock.executeQuery().close();
            }
            killed = CompletableFuture.supplyAsync(expiry::expireDue);
            int pid = await().atMost(Duration.ofSeconds(15)).until(() -> waitingOnTheSendersBalance(holder), p -> p > 0);
            try (PreparedStatement kill = holder.prepareStatement("select pg_terminate_backend(?)")) {
                kill.setInt(1, pid);
                kill.executeQuery().close();
            }
            killed.get(15, TimeUnit.SECONDS);
            holder.rollback();
        }
        try (Connection connection = dataSource.getConnection();
             PreparedStatement query = connection.prepareStatement("select finished_at from red_packet where id = ?")) {
            query.setObject(1, fixture.packet);
            try (ResultSet row = query.executeQuery()) {
                row.next();
                assertThat(row.getObject(1)).as("the killed run left the packet unfinished").isNull();
            }
        }
        assertThat(entries(dataSource, PointsReason.RED_PACKET_REFUND, fixture.packet)).isEmpty();

        expiry.expireDue();

        assertRefundedOnce(fixture);
    }

    @Test
    void aPacketLastsADayUnlessToldOtherwise() {
        UUID group = UUID.randomUUID();
        UUID sender = UUID.randomUUID();
        join(group, sender);
        grant(sender, 10);
        var sent = send(sender, group, Map.of("totalAmount", 10, "count", 1, "currency", "POINTS")).then().statusCode(201).extract();
        assertThat(Duration.between(Instant.parse(sent.path("sentAt")), Instant.parse(sent.path("expiresAt")))).isEqualTo(Duration.ofHours(24));
    }

    private void assertRefundedOnce(Fixture fixture) throws Exception {
        long grabbed = entries(dataSource, PointsReason.RED_PACKET_GRAB, fixture.packet).values().stream().mapToLong(Long::longValue).sum();
        assertThat(entries(dataSource, PointsReason.RED_PACKET_REFUND, fixture.packet))
                .containsExactly(Map.entry(fixture.sender, 1_000 - grabbed));
        assertThat(net(dataSource, fixture.packet)).as("sent - grabbed - refunded").isZero();
        given().auth().oauth2(memberToken(fixture.sender)).when().get("/api/v1/members/me/points")
                .then().body("balance", equalTo((int) (1_000 - grabbed)));
        given().auth().oauth2(memberToken(fixture.sender)).when().get(fixture.path())
                .then().statusCode(200).body("status", equalTo("EXPIRED")).body("refundedAmount", equalTo((int) (1_000 - grabbed)))
                .body("grabbedCount", equalTo(fixture.grabbers)).body("bestLuck.amount", org.hamcrest.Matchers.notNullValue());
        List<JsonNode> finished = PublishedEvents.all(Events.RED_PACKET_FINISHED, fixture.group,
                e -> e.get("packetId").asText().equals(fixture.packet.toString()), Duration.ofSeconds(3));
        assertThat(finished).hasSize(1);
        assertThat(finished.get(0).get("reason").asText()).isEqualTo("EXPIRED");
        assertThat(finished.get(0).get("refundedAmount").asLong()).isEqualTo(1_000 - grabbed);
        assertThat(finished.get(0).get("grabbedAmount").asLong()).isEqualTo(grabbed);
    }

    /** The pid of the session waiting for the lock the test holds on the sender's balance, or 0. */
    private static int waitingOnTheSendersBalance(Connection holder) throws Exception {
        try (PreparedStatement query = holder.prepareStatement("""
                select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()
                and wait_event_type = 'Lock' and query like '%from points_account%for update%'""");
             ResultSet rows = query.executeQuery()) {
            return rows.next() ? rows.getInt(1) : 0;
        }
    }

    private record Fixture(UUID group, UUID sender, UUID late, UUID packet, int grabbers) {
        String path() {
            return "/api/v1/groups/" + group + "/red-packets/" + packet;
        }
    }

    /** A POINTS packet of 1,000 in 10 shares, expiring in {@code minutes}, of which {@code grabbers} members took one. */
    private static Fixture packetGrabbedBy(int grabbers, int minutes) {
        UUID group = UUID.randomUUID();
        UUID sender = UUID.randomUUID();
        UUID late = UUID.randomUUID();
        join(group, sender);
        join(group, late);
        grant(sender, 1_000);
        String packet = send(sender, group, Map.of("totalAmount", 1_000, "count", 10, "currency", "POINTS", "expiresInMinutes", minutes))
                .then().statusCode(201).extract().path("id");
        for (int i = 0; i < grabbers; i++) {
            UUID member = UUID.randomUUID();
            join(group, member);
            grab(member, group, packet).then().statusCode(201);
        }
        return new Fixture(group, sender, late, UUID.fromString(packet), grabbers);
    }
}
