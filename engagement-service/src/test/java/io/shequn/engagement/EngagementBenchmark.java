package io.shequn.engagement;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.shequn.contracts.events.GroupRole;
import io.shequn.contracts.events.JoinVia;
import io.shequn.engagement.moderation.AhoCorasick;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

import static io.restassured.RestAssured.given;
import static io.shequn.engagement.GroupEvents.memberToken;
import static io.shequn.engagement.GroupEvents.operatorToken;
import static io.shequn.engagement.GroupEvents.publishJoin;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Not part of the normal build (the name does not end in Test). Drives the running service over
 * HTTP against the real Kafka and PostgreSQL:
 * <ol>
 * <li>check-ins: {@code benchmark.members} members (default 400) check in once each, with
 * {@code benchmark.concurrency} (default 32) requests in flight;</li>
 * <li>message posting: {@code benchmark.messages} messages (default 400) with an empty word list,
 * then the same with 10,000 words in the group's list.</li>
 * </ol>
 * Prints throughput and p50/p99 latency, and writes them to target/benchmark.txt.
 *
 * <pre>./mvnw -B -o verify -pl engagement-service -Dtest=EngagementBenchmark -Dsurefire.failIfNoSpecifiedTests=false</pre>
 */
@QuarkusTest
class EngagementBenchmark {

    private static final int MEMBERS = Integer.getInteger("benchmark.members", 400);
    private static final int CONCURRENCY = Integer.getInteger("benchmark.concurrency", 32);
    private static final int MESSAGES = Integer.getInteger("benchmark.messages", 400);
    private static final int WORDS = 10_000;

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final List<String> report = new ArrayList<>();

    @Test
    void run() throws Exception {
        String base = "http://localhost:" + RestAssured.port;
        report.add("engagement-service benchmark, " + Runtime.getRuntime().availableProcessors() + " CPUs, concurrency "
                + CONCURRENCY + ", " + Instant.now());

        // Warm up the JIT and the connection pools on a group of its own.
        UUID warmGroup = UUID.randomUUID();
        List<UUID> warmMembers = members(warmGroup, 100);
        drive("warm-up", warmMembers, member -> checkIn(base, warmGroup, member), false);

        UUID group = UUID.randomUUID();
        List<UUID> members = members(group, MEMBERS);
        drive("check-ins (" + MEMBERS + " members, each once)", members, member -> checkIn(base, group, member), true);

        UUID owner = UUID.randomUUID();
        UUID messageGroup = UUID.randomUUID();
        publishJoin(messageGroup, owner, GroupRole.OWNER, JoinVia.OWNER, null, Instant.now());
        List<UUID> posters = members(messageGroup, Math.min(MESSAGES, 200));
        List<UUID> senders = new ArrayList<>();
        for (int i = 0; i < MESSAGES; i++) {
            senders.add(posters.get(i % posters.size()));
        }
        Random random = new Random(42);
        String text = sampleText(random, 200);
        drive("warm-up messages", senders, m -> post(base, messageGroup, m, text), false);
        drive("messages, empty group list (" + MESSAGES + ", ~200 chars)", senders, m -> post(base, messageGroup, m, text), true);

        List<String> words = words(random);
        long loadStart = System.nanoTime();
        for (int from = 0; from < words.size(); from += 5_000) {
            List<Map<String, String>> chunk = words.subList(from, Math.min(words.size(), from + 5_000)).stream()
                    .map(w -> Map.of("word", w, "action", "FLAG")).toList();
            given().auth().oauth2(memberToken(owner)).contentType("application/json").body(Map.of("words", chunk))
                    .when().post("/api/v1/groups/" + messageGroup + "/sensitive-words").then().statusCode(200);
        }
        report.add(String.format("loading %,d words into the group's list: %d ms", WORDS, (System.nanoTime() - loadStart) / 1_000_000));
        post(base, messageGroup, senders.get(0), text); // compiles the automaton once
        drive("messages, 10,000-word group list (" + MESSAGES + ", ~200 chars)", senders, m -> post(base, messageGroup, m, text), true);
        String longText = sampleText(random, 4000);
        drive("messages, 10,000-word group list (" + MESSAGES + ", 4,000 chars)", senders, m -> post(base, messageGroup, m, longText), true);

        AhoCorasick.Builder<String> builder = AhoCorasick.builder();
        words.forEach(w -> builder.add(w, w));
        AhoCorasick<String> matcher = builder.build();
        for (int i = 0; i < 2_000; i++) {
            matcher.match(longText);
        }
        long matchStart = System.nanoTime();
        for (int i = 0; i < 2_000; i++) {
            matcher.match(longText);
        }
        report.add(String.format("matcher alone: 4,000 chars against %,d words: %.1f µs per message",
                WORDS, (System.nanoTime() - matchStart) / 2_000 / 1_000.0));

        String out = String.join(System.lineSeparator(), report);
        System.out.println(System.lineSeparator() + out + System.lineSeparator());
        Files.writeString(Path.of("target", "benchmark.txt"), out + System.lineSeparator());
    }

    private static List<UUID> members(UUID group, int count) {
        return GroupEvents.joinMany(group, count);
    }

    private int checkIn(String base, UUID group, UUID member) throws IOException, InterruptedException {
        return send(HttpRequest.newBuilder(URI.create(base + "/api/v1/groups/" + group + "/check-ins"))
                .header("Authorization", "Bearer " + memberToken(member))
                .POST(HttpRequest.BodyPublishers.noBody()).build());
    }

    private int post(String base, UUID group, UUID member, String text) throws IOException, InterruptedException {
        String body = "{\"kind\":\"TEXT\",\"text\":\"" + text + "\"}";
        return send(HttpRequest.newBuilder(URI.create(base + "/api/v1/groups/" + group + "/messages"))
                .header("Authorization", "Bearer " + memberToken(member))
                .header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)).build());
    }

    private int send(HttpRequest request) throws IOException, InterruptedException {
        return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    private interface Call {
        int call(UUID member) throws Exception;
    }

    /** One request per member, CONCURRENCY in flight; tokens are minted before the clock starts. */
    private void drive(String name, List<UUID> members, Call call, boolean record) throws Exception {
        members.forEach(GroupEvents::memberToken);
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
        long[] latencies = new long[members.size()];
        List<Future<Integer>> results = new ArrayList<>();
        long start = System.nanoTime();
        for (int i = 0; i < members.size(); i++) {
            int index = i;
            UUID member = members.get(i);
            results.add(pool.submit(() -> {
                long t0 = System.nanoTime();
                int status = call.call(member);
                latencies[index] = System.nanoTime() - t0;
                return status;
            }));
        }
        for (Future<Integer> result : results) {
            assertThat(result.get()).isBetween(200, 201);
        }
        long elapsed = System.nanoTime() - start;
        pool.shutdown();
        if (!record) {
            return;
        }
        Arrays.sort(latencies);
        report.add(String.format("%-60s %7.0f req/s   p50 %6.1f ms   p99 %6.1f ms   (%d requests in %.2f s)",
                name, members.size() / (elapsed / 1e9), percentile(latencies, 50), percentile(latencies, 99),
                members.size(), elapsed / 1e9));
    }

    private static double percentile(long[] sorted, int p) {
        int index = (int) Math.ceil(p / 100.0 * sorted.length) - 1;
        return sorted[Math.max(0, Math.min(sorted.length - 1, index))] / 1e6;
    }

    private static List<String> words(Random random) {
        List<String> words = new ArrayList<>(WORDS);
        for (int i = 0; i < WORDS; i++) {
            int length = 2 + random.nextInt(4);
            StringBuilder word = new StringBuilder();
            for (int j = 0; j < length; j++) {
                // Rare CJK characters, so the benchmark text (common characters) does not match.
                word.appendCodePoint(0x4E00 + 10_000 + random.nextInt(10_000));
            }
            words.add(i % 10 == 0 ? "spam" + i : word.toString());
        }
        return words;
    }

    private static String sampleText(Random random, int length) {
        String common = "我们今天一起学习分享社群运营的经验大家好早上晚上活动报名积分打卡";
        StringBuilder text = new StringBuilder();
        while (text.length() < length) {
            text.append(common.charAt(random.nextInt(common.length())));
            if (random.nextInt(12) == 0) {
                text.append(' ');
            }
        }
        return text.substring(0, length);
    }
}
