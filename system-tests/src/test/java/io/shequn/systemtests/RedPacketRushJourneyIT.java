package io.shequn.systemtests;

import io.restassured.path.json.JsonPath;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 13, journey (4): a POINTS red packet of 10 shares, grabbed by 30 members at the same
 * moment. Exactly 10 grabs succeed and 20 are told it is empty; the packet, every member's
 * points ledger and analytics (red packets grabbed, points awarded, the campaign's participants)
 * tell the same 10 grabs and the same 1,000 points.
 */
@Order(80)
class RedPacketRushJourneyIT extends SystemTest {

    private static final int GRABBERS = 30;
    private static final int SHARES = 10;
    private static final long TOTAL = 1_000;

    @Test
    void thirtyRacingGrabbersShareTenSharesExactly() throws Exception {
        UUID owner = id(register("Huang Bo", null));
        UUID group = createGroup(owner, "Lucky money club", Map.of("mode", "OPEN"));
        List<UUID> members = new ArrayList<>();
        for (int i = 0; i < GRABBERS; i++) {
            UUID member = id(register("Grabber " + i, null));
            assertThat(join(group, member, null)).isEqualTo("ACTIVE");
            members.add(member);
        }
        // Every grabber is known to engagement-service as a member, so the race is about shares only.
        for (UUID member : members) {
            await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> as(member)
                    .when().get(url("ENGAGEMENT", "/api/v1/groups/" + group + "/red-packets")).then().statusCode(200));
        }
        // The operator funds the owner (no group: only the grabs are the group's points).
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> asOperator().body(Map.of("delta", TOTAL, "reason", "red packet budget"))
                .when().post(url("ENGAGEMENT", "/api/v1/members/" + owner + "/points/adjustments")).then().statusCode(201));
        String packet = as(owner).body(Map.of("totalAmount", TOTAL, "count", SHARES, "currency", "POINTS", "greeting", "恭喜发财"))
                .when().post(url("ENGAGEMENT", "/api/v1/groups/" + group + "/red-packets"))
                .then().statusCode(201).extract().path("id");

        List<HttpResponse<String>> answers = grabAtOnce(group, packet, members);
        Map<UUID, Long> won = new HashMap<>();
        List<String> refusals = new ArrayList<>();
        for (int i = 0; i < GRABBERS; i++) {
            HttpResponse<String> answer = answers.get(i);
            if (answer.statusCode() == 201) {
                won.put(members.get(i), new JsonPath(answer.body()).getLong("amount"));
            } else {
                assertThat(answer.statusCode()).as(answer.body()).isEqualTo(409);
                refusals.add(new JsonPath(answer.body()).getString("type"));
            }
        }
        assertThat(won).hasSize(SHARES);
        assertThat(won.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(TOTAL);
        assertThat(refusals).hasSize(GRABBERS - SHARES).containsOnly("https://shequn.io/problems/red-packet-empty");

        // The packet tells the same grabs.
        JsonPath finished = new JsonPath(as(owner).when().get(url("ENGAGEMENT", "/api/v1/groups/" + group + "/red-packets/" + packet))
                .then().statusCode(200).extract().asString());
        assertThat(finished.getString("status")).isEqualTo("GRABBED_OUT");
        assertThat(finished.getInt("grabbedCount")).isEqualTo(SHARES);
        assertThat(finished.getLong("grabbedAmount")).isEqualTo(TOTAL);
        Map<String, Long> grabs = new HashMap<>();
        for (int i = 0; i < SHARES; i++) {
            grabs.put(finished.getString("grabs[" + i + "].memberId"), finished.getLong("grabs[" + i + "].amount"));
        }
        Map<String, Long> expected = new HashMap<>();
        won.forEach((member, amount) -> expected.put(member.toString(), amount));
        assertThat(grabs).isEqualTo(expected);

        // The ledger: each winner holds their share, nobody else got anything, the sender spent it all.
        for (UUID member : members) {
            JsonPath points = new JsonPath(as(member).when().get(url("ENGAGEMENT", "/api/v1/members/me/points"))
                    .then().statusCode(200).extract().asString());
            if (won.containsKey(member)) {
                assertThat(points.getLong("balance")).isEqualTo(won.get(member));
                assertThat(points.getList("history.items.reason", String.class)).containsExactly("RED_PACKET_GRAB");
            } else {
                assertThat(points.getLong("balance")).isZero();
                assertThat(points.getList("history.items")).isEmpty();
            }
        }
        JsonPath sender = new JsonPath(as(owner).when().get(url("ENGAGEMENT", "/api/v1/members/me/points"))
                .then().statusCode(200).extract().asString());
        assertThat(sender.getLong("balance")).isZero();
        assertThat(sender.getList("history.items.reason", String.class)).containsExactlyInAnyOrder("OPERATOR_GRANT", "RED_PACKET_SEND");

        // analytics: 10 grabs, the 1,000 points they awarded, 10 active members, one campaign with 10 participants.
        String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
        String window = "&from=" + today + "&to=" + today;
        await().atMost(Duration.ofSeconds(30)).untilAsserted(() -> {
            assertThat(analytics("/api/v1/analytics/groups/" + group + "/timeseries?metric=RED_PACKETS" + window).getLong("[0].value"))
                    .isEqualTo(SHARES);
            assertThat(analytics("/api/v1/analytics/groups/" + group + "/timeseries?metric=POINTS_AWARDED" + window).getLong("[0].value"))
                    .isEqualTo(TOTAL);
            assertThat(analytics("/api/v1/analytics/groups/" + group + "/summary?day=" + today).getLong("dau")).isEqualTo(SHARES);
            JsonPath campaigns = analytics("/api/v1/analytics/groups/" + group + "/campaigns?from=" + today + "&to=" + today);
            assertThat(campaigns.getList("items.campaignId", String.class)).containsExactly(packet);
            assertThat(campaigns.getString("items[0].kind")).isEqualTo("RED_PACKET");
            assertThat(campaigns.getLong("items[0].participants")).isEqualTo(SHARES);
        });
    }

    /** One grab request per member, each on its own thread, all released at the same moment; the answers in members' order. */
    private static List<HttpResponse<String>> grabAtOnce(UUID group, String packet, List<UUID> members) throws Exception {
        HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10)).build();
        List<HttpRequest> requests = members.stream().map(member -> HttpRequest.newBuilder(
                        URI.create(url("ENGAGEMENT", "/api/v1/groups/" + group + "/red-packets/" + packet + "/grabs")))
                .header("Authorization", "Bearer " + suite().member(member))
                .timeout(Duration.ofSeconds(60))
                .POST(HttpRequest.BodyPublishers.noBody()).build()).toList();
        CountDownLatch go = new CountDownLatch(1);
        ExecutorService threads = Executors.newFixedThreadPool(members.size());
        try {
            List<Future<HttpResponse<String>>> futures = new ArrayList<>();
            for (HttpRequest request : requests) {
                futures.add(threads.submit(() -> {
                    go.await();
                    return http.send(request, HttpResponse.BodyHandlers.ofString());
                }));
            }
            go.countDown();
            List<HttpResponse<String>> answers = new ArrayList<>();
            for (Future<HttpResponse<String>> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            threads.shutdownNow();
        }
    }
}
