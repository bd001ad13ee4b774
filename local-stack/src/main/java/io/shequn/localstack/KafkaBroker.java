package io.shequn.localstack;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * A real Apache Kafka broker in KRaft mode (combined broker and controller, one node), run in a
 * child JVM from the {@code kafka_2.13} jars. Stoppable and restartable on the same port and
 * data, which is what the "Kafka was down" tests need.
 */
public final class KafkaBroker {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(90);

    private final Path dir;
    private final int port;
    private final int controllerPort;
    private Process process;

    public KafkaBroker(Path dir, int port, int controllerPort) {
        this.dir = dir;
        this.port = port;
        this.controllerPort = controllerPort;
    }

    public String bootstrapServers() {
        return "127.0.0.1:" + port;
    }

    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        try {
            Files.createDirectories(dir);
            Path config = writeConfig();
            Path logs = dir.resolve("kafka.log");
            if (!Files.exists(dir.resolve("data").resolve("meta.properties"))) {
                format(config, logs);
            }
            process = ChildJvm.start("kafka.Kafka",
                    List.of("-Xms128m", "-Xmx512m", "-XX:+UseSerialGC", "-XX:TieredStopAtLevel=1",
                            "-Dorg.slf4j.simpleLogger.defaultLogLevel=warn"),
                    List.of(config.toString()), logs);
            awaitReady(logs);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Stops the broker cleanly (SIGTERM, controlled shutdown); data is kept for a restart. */
    public synchronized void stop() {
        if (process != null) {
            ChildJvm.terminate(process, 60);
            process = null;
        }
    }

    /** Kills the broker (SIGKILL: no controlled shutdown, logs recovered on the next start); data is kept. */
    public synchronized void kill() {
        if (process != null) {
            ChildJvm.kill(process);
            process = null;
        }
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    private Path writeConfig() throws IOException {
        Path config = dir.resolve("server.properties");
        String text = String.join("\n",
                "process.roles=broker,controller",
                "node.id=1",
                "controller.quorum.voters=1@127.0.0.1:" + controllerPort,
                "listeners=PLAINTEXT://127.0.0.1:" + port + ",CONTROLLER://127.0.0.1:" + controllerPort,
                "advertised.listeners=PLAINTEXT://127.0.0.1:" + port,
                "controller.listener.names=CONTROLLER",
                "inter.broker.listener.name=PLAINTEXT",
                "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
                "log.dirs=" + dir.resolve("data"),
                "num.partitions=3",
                "auto.create.topics.enable=true",
                "offsets.topic.replication.factor=1",
                "offsets.topic.num.partitions=3",
                "transaction.state.log.replication.factor=1",
                "transaction.state.log.min.isr=1",
                "share.coordinator.state.topic.replication.factor=1",
                "share.coordinator.state.topic.min.isr=1",
                // One node: a consumer group should not wait for more members before its first assignment.
                "group.initial.rebalance.delay.ms=0",
                "log.flush.interval.messages=1000000",
                "");
        Files.writeString(config, text);
        return config;
    }

    private void format(Path config, Path logs) {
        Process formatter = ChildJvm.start("kafka.tools.StorageTool", List.of("-Xmx256m"),
                List.of("format", "-t", clusterId(), "-c", config.toString()), logs);
        try {
            if (!formatter.waitFor(60, TimeUnit.SECONDS) || formatter.exitValue() != 0) {
                formatter.destroyForcibly();
                throw new IllegalStateException("Formatting Kafka storage failed; see " + logs);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /**
     * A KRaft cluster id, from Kafka's own generator: base64url of a random UUID that never starts
     * with '-' (one in 64 would, and the storage tool would read it as an option).
     */
    static String clusterId() {
        return org.apache.kafka.common.Uuid.randomUuid().toString();
    }

    private void awaitReady(Path logs) {
        Instant deadline = Instant.now().plus(START_TIMEOUT);
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers(),
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, 2000,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, 3000);
        while (Instant.now().isBefore(deadline)) {
            if (!process.isAlive()) {
                throw new IllegalStateException("Kafka exited with " + process.exitValue() + "; see " + logs);
            }
            if (!portOpen()) {
                sleepQuietly(Duration.ofMillis(200));
                continue;
            }
            try (Admin admin = Admin.create(config)) {
                if (!admin.describeCluster().nodes().get(3, TimeUnit.SECONDS).isEmpty()) {
                    return;
                }
            } catch (Exception notYet) {
                // The broker is still starting; try again.
            }
            sleepQuietly(Duration.ofMillis(200));
        }
        throw new IllegalStateException("Kafka did not start within " + START_TIMEOUT + "; see " + logs);
    }

    private boolean portOpen() {
        try (java.net.Socket socket = new java.net.Socket()) {
            socket.connect(new java.net.InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (IOException closed) {
            return false;
        }
    }

    private static void sleepQuietly(Duration duration) {
        try {
            Thread.sleep(duration.toMillis());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
