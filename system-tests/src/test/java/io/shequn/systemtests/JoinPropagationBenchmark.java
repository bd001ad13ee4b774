package io.shequn.systemtests;

import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Not part of the normal build (the name does not end in IT). How long after group-service has
 * answered a join does engagement-service know the membership (the read-your-join delay a client
 * sees as 403 {@code not-a-member}, issue 16 item 6)? Against the packaged services of
 * {@code ./shequn up}: {@code benchmark.joins} members (default 300, after 30 to warm up) each join an
 * OPEN group, and the member then asks engagement-service for the group's messages without pause
 * until it answers 200. Prints p50, p90, p99 and max of join answered → first 200, and writes them
 * to target/join-propagation.txt.
 *
 * <pre>./mvnw -B -o install -DskipTests &amp;&amp; ./mvnw -B -o verify -pl system-tests -Dit.test=JoinPropagationBenchmark</pre>
 */
class JoinPropagationBenchmark extends SystemTest {

    @Test
    void joinToEngagement() throws IOException {
        int joins = Integer.getInteger("benchmark.joins", 300);
        UUID owner = id(register("Benchmark owner", null));
        UUID group = createGroup(owner, "Join propagation", Map.of("mode", "OPEN"));
        measure(group, 30);
        List<Long> micros = measure(group, joins);
        Collections.sort(micros);
        String report = "join -> engagement-service knows the membership, %d joins: p50 %.1f ms, p90 %.1f ms, p99 %.1f ms, max %.1f ms (load %.2f)%n"
                .formatted(joins, at(micros, 0.50), at(micros, 0.90), at(micros, 0.99), micros.get(micros.size() - 1) / 1000.0,
                        ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        System.out.print(report);
        Files.writeString(Path.of("target", "join-propagation.txt"), report);
    }

    private static List<Long> measure(UUID group, int joins) {
        List<Long> micros = new ArrayList<>(joins);
        for (int i = 0; i < joins; i++) {
            UUID member = id(register("Member " + i, null));
            assertThat(join(group, member, null)).isEqualTo("ACTIVE");
            long joined = System.nanoTime();
            long deadline = joined + Duration.ofSeconds(30).toNanos();
            while (as(member).when().get(url("ENGAGEMENT", "/api/v1/groups/" + group + "/messages?size=1")).statusCode() != 200) {
                assertThat(System.nanoTime()).as("engagement-service learnt of the join within 30 s").isLessThan(deadline);
            }
            micros.add((System.nanoTime() - joined) / 1000);
        }
        return micros;
    }

    private static double at(List<Long> sorted, double quantile) {
        return sorted.get((int) Math.min(sorted.size() - 1, Math.ceil(quantile * sorted.size()) - 1)) / 1000.0;
    }
}
