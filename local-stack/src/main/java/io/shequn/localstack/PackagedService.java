package io.shequn.localstack;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
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
import java.util.List;
import java.util.Map;

/**
 * One of the four services as it ships: its packaged {@code quarkus-app}, run in its own JVM and
 * pointed at a {@link LocalStack} through standard Quarkus properties. Used by {@code ./shequn up}
 * and by the system tests, so both run exactly what a deployment runs.
 */
public final class PackagedService {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final String name;
    private final Path app;
    private final Path jar;
    private final int port;
    private final Path log;
    private Process process;

    /**
     * @param name the service's short name: member, group, engagement or analytics
     * @param projectRoot the checkout, holding {@code <name>-service/target/quarkus-app}
     */
    public PackagedService(String name, Path projectRoot, int port, Path log) {
        this.name = name;
        this.app = projectRoot.resolve(name + "-service").resolve("target").resolve("quarkus-app");
        this.jar = app.resolve("quarkus-run.jar");
        this.port = port;
        this.log = log;
    }

    public String name() {
        return name;
    }

    public int port() {
        return port;
    }

    public String baseUrl() {
        return "http://localhost:" + port;
    }

    public Path log() {
        return log;
    }

    /** Starts the JVM; it halts by itself if this process dies without stopping it. */
    public synchronized void start(Map<String, String> config) {
        if (!Files.isRegularFile(jar)) {
            throw new IllegalStateException(name + "-service is not packaged: run ./mvnw -DskipTests install");
        }
        List<String> command = new ArrayList<>();
        command.add(ChildJvm.javaExecutable());
        command.add("-Xmx384m");
        command.add("-Dquarkus.http.port=" + port);
        config.forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-cp");
        command.add(jar + File.pathSeparator + ChildJvm.ownLocation());
        command.add(ParentWatchingMain.class.getName());
        command.add(Long.toString(ProcessHandle.current().pid()));
        command.add("io.quarkus.bootstrap.runner.QuarkusEntryPoint");
        try {
            Files.createDirectories(log.getParent());
            process = new ProcessBuilder(command)
                    .directory(app.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                    .start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start " + name + "-service", e);
        }
    }

    /** Waits until {@code /q/health/ready} answers 200, failing early if the JVM exits. */
    public void awaitReady(Duration timeout) {
        Instant deadline = Instant.now().plus(timeout);
        HttpRequest ready = HttpRequest.newBuilder(URI.create(baseUrl() + "/q/health/ready"))
                .timeout(Duration.ofSeconds(5)).build();
        while (Instant.now().isBefore(deadline)) {
            if (process == null || !process.isAlive()) {
                throw new IllegalStateException(name + "-service exited during start-up; see " + log + "\n" + logTail());
            }
            try {
                if (HTTP.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                    return;
                }
            } catch (IOException notListeningYet) {
                // keep polling
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
            try {
                Thread.sleep(250);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }
        throw new IllegalStateException(name + "-service not ready within " + timeout + "; see " + log + "\n" + logTail());
    }

    /** SIGTERM, so Quarkus shuts down gracefully; forced after 20 seconds. */
    public synchronized void stop() {
        if (process != null) {
            ChildJvm.terminate(process, 20);
            process = null;
        }
    }

    /** SIGKILL: the JVM gets no chance to finish anything, as when a node dies. */
    public synchronized void kill() {
        if (process != null) {
            ChildJvm.kill(process);
            process = null;
        }
    }

    public synchronized boolean isRunning() {
        return process != null && process.isAlive();
    }

    private String logTail() {
        try {
            List<String> lines = Files.readAllLines(log, StandardCharsets.UTF_8);
            return String.join("\n", lines.subList(Math.max(0, lines.size() - 30), lines.size()));
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
