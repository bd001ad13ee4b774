package io.shequn.engagement.redpackets;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.shequn.contracts.Events;
import io.shequn.contracts.events.GroupRole;
import io.shequn.engagement.Http;
import io.shequn.engagement.Http.Reply;
import io.shequn.engagement.PublishedEvents;
import io.shequn.engagement.points.PointsReason;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import static io.restassured.RestAssured.given;
import static io.shequn.engagement.GroupEvents.join;
import static io.shequn.engagement.GroupEvents.joinMany;
import static io.shequn.engagement.GroupEvents.memberToken;
import static io.shequn.engagement.GroupEvents.operatorToken;
import static io.shequn.engagement.Race.race;
import static io.shequn.engagement.TestPoints.entries;
import static io.shequn.engagement.TestPoints.grant;
import static io.shequn.engagement.TestPoints.net;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
class RedPacketResourceTest {

    /** One crowd for the racing tests: joining 1,000 members takes a while, so they share it. */
    private static final UUID CROWD_GROUP = UUID.randomUUID();
    private static final UUID CROWD_SENDER = UUID.randomUUID();
    private static List<UUID> crowd;

    @Inject
    DataSource dataSource;

    private static synchronized List<UUID> crowd() {
        if (crowd == null) {
            join(CROWD_GROUP, CROWD_SENDER);
            crowd = joinMany(CROWD_GROUP, 1_000);
            crowd.forEach(member -> memberToken(member)); // sign the tokens before the race
        }
        return crowd;
    }

    @Test
    void aThousandMembersRaceForAHundredSharesAndExactlyAHundredGetOneEach() throws Exception {
        List<UUID> crowd = crowd();
        grant(CROWD_SENDER, 100_000);
        String packet = send(CROWD_SENDER, CROWD_GROUP, Map.of("totalAmount", 100_000, "count", 100, "currency", "POINTS",
                "greeting", "恭喜发财")).then().statusCode(201).extract().path("id");

        List<Reply> responses = grabAll(CROWD_GROUP, packet, crowd);

        assertThat(responses).extracting(Reply::status).containsOnly(201, 409);
        List<Reply> won = responses.stream().filter(r -> r.status() == 201).toList();
        assertThat(won).hasSize(100);
        assertThat(responses).filteredOn(r -> r.status() == 409)
                .allSatisfy(r -> assertThat(r.body().get("type").asText()).isEqualTo("https://shequn.io/problems/red-packet-empty"));
        Map<UUID, Long> shares = shares(won);
        assertThat(shares).hasSize(100);
        assertThat(shares.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(100_000);
        assertThat(shares.values()).allSatisfy(amount -> assertThat(amount).isPositive());

        // The ledger moved exactly the shares: the sender once, each winner their own share.
        UUID packetId = UUID.fromString(packet);
        assertThat(entries(dataSource, PointsReason.RED_PACKET_SEND, packetId))
                .containsExactly(Map.entry(CROWD_SENDER, -100_000L));
        assertThat(entries(dataSource, PointsReason.RED_PACKET_GRAB, packetId)).isEqualTo(shares);
        assertThat(net(dataSource, packetId)).isZero();

        // A winner grabbing again gets the same grab; the packet shows every grab and the best luck.
        UUID winner = shares.keySet().iterator().next();
        grab(winner, CROWD_GROUP, packet).then().statusCode(200).body("amount", equalTo(shares.get(winner).intValue()));
        long best = shares.values().stream().mapToLong(Long::longValue).max().orElseThrow();
        given().auth().oauth2(memberToken(crowd.get(0))).when().get("/api/v1/groups/" + CROWD_GROUP + "/red-packets/" + packet)
                .then().statusCode(200)
                .body("status", equalTo("GRABBED_OUT"))
                .body("grabbedCount", equalTo(100))
                .body("grabbedAmount", equalTo(100_000))
                .body("refundedAmount", equalTo(0))
                .body("greeting", equalTo("恭喜发财"))
                .body("grabs.size()", equalTo(100))
                .body("bestLuck.amount", equalTo((int) best));

        JsonNode finished = PublishedEvents.await(Events.RED_PACKET_FINISHED, CROWD_GROUP, e -> e.get("packetId").asText().equals(packet));
        assertThat(finished.get("reason").asText()).isEqualTo("GRABBED_OUT");
        assertThat(finished.get("grabbedCount").asInt()).isEqualTo(100);
        assertThat(finished.get("refundedAmount").asLong()).isZero();
        assertThat(finished.get("bestLuckAmount").asLong()).isEqualTo(best);
        List<JsonNode> grabbed = PublishedEvents.all(Events.RED_PACKET_GRABBED, CROWD_GROUP,
                e -> e.get("packetId").asText().equals(packet), Duration.ofSeconds(3));
        assertThat(grabbed).hasSize(100).allSatisfy(e -> assertThat(e.get("currency").asText()).isEqualTo("POINTS"));
    }

    @Test
    void aThousandMembersRaceForAThousandSharesAndAllGetOne() throws Exception {
        List<UUID> crowd = crowd();
        grant(CROWD_SENDER, 5_000);
        String packet = send(CROWD_SENDER, CROWD_GROUP, Map.of("totalAmount", 5_000, "count", 1_000, "currency", "POINTS"))
                .then().statusCode(201).extract().path("id");

        List<Reply> responses = grabAll(CROWD_GROUP, packet, crowd);

        assertThat(responses).extracting(Reply::status).containsOnly(201);
        Map<UUID, Long> shares = shares(responses);
        assertThat(shares).hasSize(1_000);
        assertThat(shares.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(5_000);
        assertThat(entries(dataSource, PointsReason.RED_PACKET_GRAB, UUID.fromString(packet)))
                .isEqualTo(shares);
        given().auth().oauth2(operatorToken()).when().get("/api/v1/groups/" + CROWD_GROUP + "/red-packets/" + packet)
                .then().statusCode(200).body("status", equalTo("GRABBED_OUT")).body("grabbedCount", equalTo(1_000));
    }

    @Test
    void tenConcurrentGrabsOfOneMemberTakeOneShare() throws Exception {
        UUID group = UUID.randomUUID();
        UUID sender = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        join(group, sender);
        join(group, member);
        grant(sender, 1_000);
        String packet = send(sender, group, Map.of("totalAmount", 1_000, "count", 5, "currency", "POINTS"))
                .then().statusCode(201).extract().path("id");

        List<Callable<ExtractableResponse<Response>>> taps = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            taps.add(() -> grab(member, group, packet).then().extract());
        }
        List<ExtractableResponse<Response>> responses = race(taps);

        assertThat(responses).extracting(ExtractableResponse::statusCode).containsOnly(200, 201);
        assertThat(responses).filteredOn(r -> r.statusCode() == 201).hasSize(1);
        assertThat(responses).extracting(r -> r.<Integer>path("amount")).containsOnly(responses.get(0).<Integer>path("amount"));
        given().auth().oauth2(memberToken(member)).when().get("/api/v1/groups/" + group + "/red-packets/" + packet)
                .then().statusCode(200).body("grabbedCount", equalTo(1)).body("status", equalTo("ACTIVE")).body("bestLuck", nullValue());
        given().auth().oauth2(memberToken(member)).when().get("/api/v1/members/me/points")
                .then().body("balance", equalTo(responses.get(0).<Integer>path("amount")));
    }

    @Test
    void aCurrencyPacketIsForManagersAndMovesNoPoints() {
        UUID group = UUID.randomUUID();
        UUID owner = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        join(group, owner, GroupRole.OWNER);
        join(group, member);
        Map<String, Object> packet = Map.of("totalAmount", 8_888, "count", 3, "currency", "CNY", "greeting", "新年快乐");

        send(member, group, packet).then().statusCode(403).body("type", equalTo("https://shequn.io/problems/not-a-group-manager"));
        String id = send(owner, group, packet).then().statusCode(201).body("currency", equalTo("CNY"))
                .body("status", equalTo("ACTIVE")).body("grabs.size()", equalTo(0)).extract().path("id");
        int amount = grab(member, group, id).then().statusCode(201).body("currency", equalTo("CNY")).extract().path("amount");

        given().auth().oauth2(memberToken(member)).when().get("/api/v1/members/me/points").then().body("balance", equalTo(0));
        JsonNode grabbed = PublishedEvents.await(Events.RED_PACKET_GRABBED, group, e -> e.get("packetId").asText().equals(id));
        assertThat(grabbed.get("amount").asInt()).isEqualTo(amount);
        assertThat(grabbed.get("currency").asText()).isEqualTo("CNY");
        JsonNode sent = PublishedEvents.await(Events.RED_PACKET_SENT, group, e -> e.get("packetId").asText().equals(id));
        assertThat(sent.get("senderId").asText()).isEqualTo(owner.toString());
        assertThat(sent.get("totalAmount").asLong()).isEqualTo(8_888);
        assertThat(sent.get("count").asInt()).isEqualTo(3);
    }

    @Test
    void aPacketIsSentOncePerIdempotencyKeyAndTheListIsNewestFirst() {
        UUID group = UUID.randomUUID();
        UUID sender = UUID.randomUUID();
        join(group, sender);
        grant(sender, 300);
        String key = UUID.randomUUID().toString();
        Map<String, Object> body = Map.of("totalAmount", 100, "count", 2, "currency", "POINTS");
        String first = given().auth().oauth2(memberToken(sender)).contentType("application/json").header("Idempotency-Key", key).body(body)
                .when().post("/api/v1/groups/" + group + "/red-packets").then().statusCode(201).extract().path("id");
        given().auth().oauth2(memberToken(sender)).contentType("application/json").header("Idempotency-Key", key).body(body)
                .when().post("/api/v1/groups/" + group + "/red-packets").then().statusCode(200).body("id", equalTo(first));
        String second = send(sender, group, body).then().statusCode(201).extract().path("id");
        send(sender, group, Map.of("totalAmount", 101, "count", 2, "currency", "POINTS"))
                .then().statusCode(409).body("type", equalTo("https://shequn.io/problems/insufficient-points"));

        given().auth().oauth2(memberToken(sender)).when().get("/api/v1/members/me/points").then().body("balance", equalTo(100));
        given().auth().oauth2(memberToken(sender)).queryParam("size", 1).when().get("/api/v1/groups/" + group + "/red-packets")
                .then().statusCode(200).body("totalItems", equalTo(2)).body("totalPages", equalTo(2))
                .body("items[0].id", equalTo(second)).body("items[0].grabs", nullValue());
    }

    @Test
    void badPacketsAreRefusedNamingTheFieldAndNonMembersAreForbiddenEverywhere() {
        UUID group = UUID.randomUUID();
        UUID member = UUID.randomUUID();
        join(group, member);
        grant(member, 10_000);

        expectInvalid(member, group, Map.of("totalAmount", 100, "count", 0, "currency", "POINTS"), "count");
        expectInvalid(member, group, Map.of("totalAmount", 100, "count", 1_001, "currency", "POINTS"), "count");
        expectInvalid(member, group, Map.of("totalAmount", 5, "count", 6, "currency", "POINTS"), "totalAmount");
        expectInvalid(member, group, Map.of("totalAmount", 100, "count", 2, "currency", "POINTS", "expiresInMinutes", 1_441), "expiresInMinutes");
        expectInvalid(member, group, Map.of("totalAmount", 100, "count", 2, "currency", "points"), "currency");
        expectInvalid(member, group, Map.of("totalAmount", 100, "count", 2, "currency", "POINTS", "greeting", "x".repeat(65)), "greeting");
        expectInvalid(member, group, Map.of("totalAmount", 100, "count", 2), "currency");
        given().auth().oauth2(operatorToken()).contentType("application/json")
                .body(Map.of("totalAmount", 100, "count", 2, "currency", "ABC"))
                .when().post("/api/v1/groups/" + group + "/red-packets")
                .then().statusCode(400).body("detail", org.hamcrest.Matchers.startsWith("currency:"));
        given().auth().oauth2(memberToken(member)).when().get("/api/v1/members/me/points").then().body("balance", equalTo(10_000));

        String packet = send(member, group, Map.of("totalAmount", 100, "count", 2, "currency", "POINTS")).then().statusCode(201)
                .extract().path("id");
        UUID outsider = UUID.randomUUID();
        send(outsider, group, Map.of("totalAmount", 100, "count", 2, "currency", "POINTS")).then().statusCode(403);
        grab(outsider, group, packet).then().statusCode(403);
        given().auth().oauth2(memberToken(outsider)).when().get("/api/v1/groups/" + group + "/red-packets/" + packet).then().statusCode(403);
        given().auth().oauth2(memberToken(outsider)).when().get("/api/v1/groups/" + group + "/red-packets").then().statusCode(403);
        grab(member, UUID.randomUUID(), packet).then().statusCode(403);
        grab(member, group, UUID.randomUUID().toString()).then().statusCode(404);
        given().when().get("/api/v1/groups/" + group + "/red-packets").then().statusCode(401);
    }

    private static void expectInvalid(UUID member, UUID group, Map<String, Object> body, String field) {
        send(member, group, body).then().statusCode(400).contentType("application/problem+json")
                .body("detail", org.hamcrest.Matchers.containsString(field));
    }

    static Response send(UUID sender, UUID group, Map<String, Object> body) {
        return given().auth().oauth2(memberToken(sender)).contentType("application/json").body(body)
                .when().post("/api/v1/groups/" + group + "/red-packets");
    }

    static Response grab(UUID member, UUID group, String packet) {
        return given().auth().oauth2(memberToken(member)).when().post("/api/v1/groups/" + group + "/red-packets/" + packet + "/grabs");
    }

    private static List<Reply> grabAll(UUID group, String packet, List<UUID> members) throws Exception {
        return race(members.stream().<Callable<Reply>>map(member -> () ->
                Http.post("/api/v1/groups/" + group + "/red-packets/" + packet + "/grabs", memberToken(member))).toList());
    }

    private static Map<UUID, Long> shares(List<Reply> won) {
        Map<UUID, Long> shares = new HashMap<>();
        for (Reply reply : won) {
            UUID member = UUID.fromString(reply.body().get("memberId").asText());
            assertThat(shares.put(member, reply.body().get("amount").asLong())).as("nobody twice").isNull();
        }
        return shares;
    }
}
