package io.shequn.localstack;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole suite as it ships: a {@link LocalStack} and the four {@link PackagedService}s pointed
 * at it. {@code ./shequn up} runs one; the system tests that break parts of a suite run their
 * own, to kill a service and start it again on the same port and database
 * ({@link #killAndRestart}), to stop Kafka for a while ({@code stack().kafka()}), and to add
 * replicas of a service on other ports, with the same Kafka, database and consumer group
 * ({@link #addReplica}).
 */
public final class PackagedSuite {

    public static final List<String> SERVICES = List.of("member", "group", "engagement", "analytics");

    private static final Duration READY_TIMEOUT = Duration.ofMinutes(3);

    private final Path root;
    private final LocalStack.Settings settings;
    private final Map<String, Integer> ports;
    private final Path logs;
    private final Map<String, List<PackagedService>> replicas = new LinkedHashMap<>();
    private final Map<String, Map<String, String>> configs = new LinkedHashMap<>();
    private LocalStack stack;

    /**
     * @param root the checkout, holding each {@code <name>-service/target/quarkus-app}
     * @param ports each service's HTTP port, by short name (member, group, engagement, analytics)
     * @param logs where each service's log goes ({@code <name>-service.log}, {@code <name>-service-2.log}, ...)
     */
    public PackagedSuite(Path root, LocalStack.Settings settings, Map<String, Integer> ports, Path logs) {
        this.root = root;
        this.settings = settings;
        this.ports = Map.copyOf(ports);
        this.logs = logs;
    }

    /** A suite for a test: free ports, a fresh temporary stack, the logs beside its data. */
    public static PackagedSuite forTests(Path root) {
        LocalStack.Settings settings = LocalStack.Settings.forTests();
        Map<String, Integer> ports = new LinkedHashMap<>();
        SERVICES.forEach(name -> ports.put(name, Ports.free()));
        return new PackagedSuite(root, settings, ports, settings.dir().resolve("logs"));
    }

    /** Starts Kafka and PostgreSQL, then the four services together, and waits until each is ready. */
    public void start() {
        stack = LocalStack.start(settings);
        for (String name : SERVICES) {
            Map<String, String> config = new LinkedHashMap<>(stack.serviceConfig(name));
            // A local suite, never a deployment: ./shequn simulate moves its clocks (PUT /ops/clock); deploy/ never sets this.
            config.put("shequn.clock.movable", "true");
            configs.put(name, config);
            PackagedService service = new PackagedService(name, root, ports.get(name), logs.resolve(name + "-service.log"));
            synchronized (this) {
                replicas.put(name, new ArrayList<>(List.of(service)));
            }
            service.start(configs.get(name));
        }
        for (String name : SERVICES) {
            service(name).awaitReady(READY_TIMEOUT);
        }
    }

    public LocalStack stack() {
        return stack;
    }

    /** The service's first replica (the one {@code ./shequn up} prints). */
    public synchronized PackagedService service(String name) {
        return replicas.get(name).get(0);
    }

    public synchronized List<PackagedService> replicas(String name) {
        return List.copyOf(replicas.get(name));
    }

    /** SIGKILL, as when a node dies, then the same service again on the same port and database; returns once it is ready. */
    public void killAndRestart(PackagedService service) {
        service.kill();
        service.start(configs.get(service.name()));
        service.awaitReady(READY_TIMEOUT);
    }

    /** One more replica of the service on a free port: same database, Kafka and consumer group; returns once it is ready. */
    public PackagedService addReplica(String name) {
        PackagedService replica;
        synchronized (this) {
            List<PackagedService> running = replicas.get(name);
            replica = new PackagedService(name, root, Ports.free(), logs.resolve(name + "-service-" + (running.size() + 1) + ".log"));
            running.add(replica);
        }
        replica.start(configs.get(name));
        replica.awaitReady(READY_TIMEOUT);
        return replica;
    }

    /** Stops every service (SIGTERM, in parallel), then Kafka and PostgreSQL: whatever of it had started. */
    public void stop() {
        List<PackagedService> all;
        synchronized (this) {
            all = replicas.values().stream().flatMap(List::stream).toList();
        }
        all.parallelStream().forEach(PackagedService::stop);
        if (stack != null) {
            stack.stop();
        }
    }
}
