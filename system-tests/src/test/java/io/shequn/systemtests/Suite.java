package io.shequn.systemtests;

import io.shequn.localstack.DevKeys;
import io.shequn.localstack.DevTokens;
import io.shequn.localstack.KafkaTestClient;
import io.shequn.localstack.Ports;
import io.shequn.localstack.simulator.SuiteEndpoints;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.awaitility.Awaitility.await;

/**
 * The whole suite as a newcomer runs it: {@code ./shequn up} with Kafka, PostgreSQL and the four
 * packaged services on free ports, started once for every system test of the JVM (starting it
 * takes minutes) and stopped when they are done, by {@link ShutdownIT} or else by JUnit's root
 * store. Tests reach it as outside clients do: REST with bearer tokens signed by the key
 * {@code ./shequn up} trusts (what {@code ./shequn token} prints), and Kafka as a shop or a chat
 * bridge publishes.
 */
final class Suite implements AutoCloseable {

    static final Path ROOT = Path.of("").toAbsolutePath().getParent();

    private static Suite shared;

    final Map<String, Integer> ports = new LinkedHashMap<>();
    final Path data;
    final Map<String, String> env = new LinkedHashMap<>();
    final String operatorToken;
    private final Path output;
    private final Process process;
    private final DevTokens tokens;
    private KafkaTestClient kafka;
    /** Analytics answers the journeys checked, which a rebuild must reproduce ({@link RebuildIT}). */
    private final List<String> analyticsQueries = Collections.synchronizedList(new ArrayList<>());

    /** Puts the shared suite in JUnit's root store, which closes it after the last test. */
    static final class Started implements BeforeAllCallback {
        @Override
        public void beforeAll(ExtensionContext context) {
            context.getRoot().getStore(ExtensionContext.Namespace.GLOBAL).computeIfAbsent(Suite.class, key -> shared(), Suite.class);
        }
    }

    static synchronized Suite shared() {
        if (shared == null) {
            shared = new Suite();
        }
        return shared;
    }

    private Suite() {
        try {
            data = Files.createTempDirectory("shequn-system-test-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        output = data.resolveSibling(data.getFileName() + ".out");
        for (String port : List.of("KAFKA", "KAFKA_CONTROLLER", "POSTGRES", "MEMBER", "GROUP", "ENGAGEMENT", "ANALYTICS")) {
            ports.put(port, Ports.free());
        }
        env.put("SHEQUN_DATA", data.toString());
        env.put("SHEQUN_NO_BUILD", "1");
        ports.forEach((name, port) -> env.put("SHEQUN_" + name + "_PORT", Integer.toString(port)));
        ProcessBuilder builder = new ProcessBuilder(ROOT.resolve("shequn").toString(), "up")
                .directory(ROOT.toFile())
                .redirectErrorStream(true)
                .redirectOutput(output.toFile());
        builder.environment().putAll(env);
        try {
            process = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        await().atMost(Duration.ofMinutes(6)).pollInterval(Duration.ofMillis(500))
                .failFast("./shequn up exited", () -> !process.isAlive())
                .until(() -> printed().contains("Press Ctrl-C to stop."));
        List<String> lines = printed().lines().toList();
        operatorToken = lines.get(lines.indexOf(lines.stream().filter(l -> l.startsWith("Operator token")).findFirst().orElseThrow()) + 1);
        tokens = new DevTokens(DevKeys.in(data.resolve("keys")));
    }

    String url(String service, String path) {
        return "http://localhost:" + ports.get(service) + path;
    }

    /** The suite as the simulator reaches it (its URLs, Kafka and the key its services trust). */
    SuiteEndpoints endpoints() {
        return SuiteEndpoints.localhost(ports.get("MEMBER"), ports.get("GROUP"), ports.get("ENGAGEMENT"), ports.get("ANALYTICS"),
                ports.get("KAFKA"), data);
    }

    String member(UUID member) {
        return tokens.sign(member, Set.of("member"), Duration.ofHours(2));
    }

    String operator() {
        return operatorToken;
    }

    synchronized KafkaTestClient kafka() {
        if (kafka == null) {
            kafka = new KafkaTestClient("localhost:" + ports.get("KAFKA"));
        }
        return kafka;
    }

    Process process() {
        return process;
    }

    String printed() {
        try {
            return Files.readString(output, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Remembers an analytics query (path with its query string) whose answer a rebuild must reproduce. */
    void rememberAnalytics(String pathAndQuery) {
        if (!analyticsQueries.contains(pathAndQuery)) {
            analyticsQueries.add(pathAndQuery);
        }
    }

    List<String> analyticsQueries() {
        return List.copyOf(analyticsQueries);
    }

    @Override
    public synchronized void close() {
        if (kafka != null) {
            kafka.close();
        }
        // SIGTERM, so that ./shequn up stops what it started; a killed script would leave them running.
        process.destroy();
        try {
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                process.destroyForcibly();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            process.destroyForcibly();
        }
    }
}
