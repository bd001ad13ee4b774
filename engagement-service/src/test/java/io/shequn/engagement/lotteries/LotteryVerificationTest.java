package io.shequn.engagement.lotteries;

import com.fasterxml.jackson.databind.JsonNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.ExtractableResponse;
import io.restassured.response.Response;
import io.shequn.contracts.Events;
import io.shequn.contracts.events.GroupRole;
import io.shequn.engagement.PublishedEvents;
import io.shequn.engagement.TestClock;
import io.shequn.engagement.points.PointsReason;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import javax.sql.DataSource;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.Callable;

import static io.restassured.RestAssured.given;
import static io.shequn.engagement.GroupEvents.join;
import static io.shequn.engagement.GroupEvents.memberToken;
import static io.shequn.engagement.GroupEvents.operatorToken;
import static io.shequn.engagement.Race.race;
import static io.shequn.engagement.TestPoints.entries;
import static io.shequn.engagement.lotteries.LotteryResourceTest.create;
import static io.shequn.engagement.lotteries.LotteryResourceTest.enter;
import static io.shequn.engagement.lotteries.LotteryResourceTest.lottery;
import static io.shequn.engagement.lotteries.LotteryResourceTest.path;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The draw happens once under a concurrent double trigger (two managers' requests and two lottery
 * job runs, as two replicas would run it), and its winners follow from what it published: this
 * test recomputes them with its own implementation of docs/lotteries.md, sharing no code with
 * {@link LotteryDraw}.
 */
@QuarkusTest
class LotteryVerificationTest {

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
    void aLotteryIsDrawnOnceUnderADoubleTriggerAndAnyoneCanRecomputeItsWinners() throws Exception {
        UUID group = UUID.randomUUID();
        UUID owner = UUID.randomUUID();
        join(group, owner, GroupRole.OWNER);
        String lottery = create(owner, group, lottery("Weekly draw", 0, null));
        String seedHash = given().auth().oauth2(memberToken(owner)).when().get(path(group, lottery)).then().extract().path("seedHash");
        List<String> members = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            UUID member = UUID.randomUUID();
            join(group, member);
            enter(member, group, lottery).then().statusCode(201);
            members.add(member.toString());
        }

        clock.moveTo(Instant.now().plus(Duration.ofHours(3)));
        race(List.<Callable<Object>>of(
                () -> given().auth().oauth2(memberToken(owner)).when().post(path(group, lottery) + "/draw").then().statusCode(200).extract(),
                () -> given().auth().oauth2(operatorToken()).when().post(path(group, lottery) + "/draw").then().statusCode(200).extract(),
                job::run,
                job::run));

        JsonPath verification = given().auth().oauth2(memberToken(owner)).when().get(path(group, lottery) + "/verification")
                .then().statusCode(200).extract().jsonPath();
        assertThat(verification.getString("algorithm")).isEqualTo("shequn-lottery-v1");
        assertThat(verification.getString("status")).isEqualTo("DRAWN");
        assertThat(verification.getString("seedHash")).isEqualTo(seedHash);
        List<String> entries = verification.getList("entries", String.class);
        assertThat(entries).containsExactlyInAnyOrderElementsOf(members);
        String seed = verification.getString("seed");

        // Recomputed from the published values alone.
        assertThat(hex(sha256(HexFormat.of().parseHex(seed)))).isEqualTo(seedHash);
        assertThat(Independent.entryListHash(entries)).isEqualTo(verification.getString("entryListHash"));
        List<String> changed = new ArrayList<>(entries);
        changed.set(7, UUID.randomUUID().toString());
        assertThat(Independent.entryListHash(changed)).isNotEqualTo(verification.getString("entryListHash"));
        List<String> recomputed = Independent.winners(seed, entries, lottery, List.of(1, 3, 5));
        List<Map<String, Object>> winners = verification.getList("winners");
        assertThat(winners).extracting(w -> (String) w.get("memberId")).containsExactlyElementsOf(recomputed);
        assertThat(winners).extracting(w -> (Integer) w.get("prizePosition")).containsExactly(1, 2, 2, 2, 3, 3, 3, 3, 3);

        // Drawn once: one set of winners, one prize credited, one event.
        given().auth().oauth2(memberToken(owner)).when().get(path(group, lottery))
                .then().statusCode(200).body("winners.size()", org.hamcrest.Matchers.equalTo(9));
        assertThat(entries(dataSource, PointsReason.LOTTERY_PRIZE, UUID.fromString(lottery)))
                .containsExactly(Map.entry(UUID.fromString(recomputed.get(0)), 500L));
        List<JsonNode> drawn = PublishedEvents.all(Events.LOTTERY_DRAWN, group, e -> e.get("lotteryId").asText().equals(lottery),
                Duration.ofSeconds(3));
        assertThat(drawn).hasSize(1);
        assertThat(drawn.get(0).get("seed").asText()).isEqualTo(seed);
        assertThat(drawn.get(0).get("entrants").asInt()).isEqualTo(30);
        List<String> published = new ArrayList<>();
        drawn.get(0).get("winners").forEach(w -> published.add(w.get("memberId").asText()));
        assertThat(published).isEqualTo(recomputed);
        assertThat(drawn.get(0).get("winners").get(0).get("points").asLong()).isEqualTo(500);
    }

    /** docs/lotteries.md, "Recomputing the winners", implemented again from the text. */
    static final class Independent {

        static String entryListHash(List<String> memberIds) {
            return hex(sha256(listText(memberIds).getBytes(StandardCharsets.UTF_8)));
        }

        static List<String> winners(String seedHex, List<String> memberIds, String lotteryId, List<Integer> quantities) throws Exception {
            List<String> pool = sorted(memberIds);
            byte[] listHash = sha256(listText(memberIds).getBytes(StandardCharsets.UTF_8));
            byte[] key = sha256(concat(HexFormat.of().parseHex(seedHex), listHash, HexFormat.of().parseHex(lotteryId.replace("-", ""))));
            StreamReader stream = new StreamReader(key);
            List<String> winners = new ArrayList<>();
            for (int quantity : quantities) {
                for (int unit = 0; unit < quantity && !pool.isEmpty(); unit++) {
                    BigInteger n = BigInteger.valueOf(pool.size());
                    BigInteger range = BigInteger.ONE.shiftLeft(32);
                    BigInteger limit = range.subtract(range.mod(n));
                    BigInteger x = new BigInteger(1, stream.take(4));
                    while (x.compareTo(limit) >= 0) {
                        x = new BigInteger(1, stream.take(4));
                    }
                    winners.add(pool.remove(x.mod(n).intValue()));
                }
            }
            return winners;
        }

        private static List<String> sorted(List<String> memberIds) {
            List<String> sorted = new ArrayList<>();
            for (String id : memberIds) {
                sorted.add(id.toLowerCase());
            }
            sorted.sort(String::compareTo);
            return sorted;
        }

        private static String listText(List<String> memberIds) {
            StringBuilder text = new StringBuilder();
            for (String id : sorted(memberIds)) {
                text.append(id).append('\n');
            }
            return text.toString();
        }

        private static byte[] concat(byte[]... parts) {
            int length = 0;
            for (byte[] part : parts) {
                length += part.length;
            }
            byte[] all = new byte[length];
            int at = 0;
            for (byte[] part : parts) {
                System.arraycopy(part, 0, all, at, part.length);
                at += part.length;
            }
            return all;
        }

        /** SHA-256(key ‖ counter) blocks, counter as 8 bytes big-endian from 0. */
        private static final class StreamReader {
            private final byte[] key;
            private long counter;
            private final java.io.ByteArrayOutputStream buffered = new java.io.ByteArrayOutputStream();
            private int read;

            StreamReader(byte[] key) {
                this.key = key;
            }

            byte[] take(int count) {
                while (buffered.size() - read < count) {
                    byte[] counterBytes = BigInteger.valueOf(counter++).toByteArray();
                    byte[] padded = new byte[8];
                    System.arraycopy(counterBytes, 0, padded, 8 - counterBytes.length, counterBytes.length);
                    byte[] block = sha256(concat(key, padded));
                    buffered.write(block, 0, block.length);
                }
                byte[] all = buffered.toByteArray();
                byte[] out = new byte[count];
                System.arraycopy(all, read, out, 0, count);
                read += count;
                return out;
            }
        }
    }

    static byte[] sha256(byte[] input) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(input);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    static String hex(byte[] bytes) {
        StringBuilder out = new StringBuilder();
        for (byte b : bytes) {
            out.append(String.format("%02x", b));
        }
        return out.toString();
    }
}
