package io.shequn.localstack;

import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import java.util.stream.Stream;

import io.shequn.localstack.simulator.SimulateCommand;
import io.shequn.localstack.simulator.SuiteEndpoints;

/**
 * The program behind the {@code ./shequn} script.
 * <pre>
 * up [--reset]                       Kafka, PostgreSQL and the four services, until Ctrl-C
 * token --member &lt;uuid&gt; [--operator]   a bearer token signed with the local development key
 * simulate [options]                 days of community life against the running suite (simulator package)
 * </pre>
 * Ports and the data folder are overridable with environment variables (see {@link #USAGE}).
 */
public final class Launcher {

    static final List<String> SERVICES = PackagedSuite.SERVICES;

    static final String USAGE = """
            Usage: ./shequn up [--reset]
                   ./shequn token --member <uuid> [--operator]
                   ./shequn simulate [--groups N] [--members N] [--days N] [--seed N] [--rate N] [--out FILE]
                   ./shequn simulate --verify FILE

              up       starts Kafka, PostgreSQL and the four services, prints their URLs, an
                       operator token and a dashboard link signed in with it, and stops
                       everything on Ctrl-C. Data is kept in the data folder between runs;
                       --reset starts empty.
              token    prints a bearer token for the member, signed with the local development key.
            """ + SimulateCommand.USAGE + """

            Environment (defaults in brackets):
              SHEQUN_DATA [.shequn]  SHEQUN_KAFKA_PORT [19092]  SHEQUN_KAFKA_CONTROLLER_PORT [19093]
              SHEQUN_POSTGRES_PORT [15432]  SHEQUN_MEMBER_PORT [8081]  SHEQUN_GROUP_PORT [8082]
              SHEQUN_ENGAGEMENT_PORT [8083]  SHEQUN_ANALYTICS_PORT [8084]
            """;

    private static final Duration TOKEN_LIFETIME = Duration.ofHours(12);

    private final Path root;
    private final Map<String, String> env;
    private final PrintStream out;

    Launcher(Path root, Map<String, String> env, PrintStream out) {
        this.root = root;
        this.env = env;
        this.out = out;
    }

    public static void main(String[] args) throws InterruptedException {
        Path root = Path.of(System.getProperty("shequn.home", ".")).toAbsolutePath().normalize();
        Launcher launcher = new Launcher(root, System.getenv(), System.out);
        try {
            List<String> rest = args.length == 0 ? List.of() : List.of(args).subList(1, args.length);
            switch (args.length == 0 ? "help" : args[0]) {
                case "up" -> launcher.up(rest);
                case "token" -> System.out.println(launcher.token(rest));
                case "simulate" -> System.exit(SimulateCommand.run(rest, launcher::suite, System.out));
                case "help", "--help", "-h" -> System.out.print(USAGE);
                default -> throw new UsageException("Unknown command " + args[0]);
            }
        } catch (UsageException | SimulateCommand.UsageError e) {
            System.err.println(e.getMessage());
            System.err.print(USAGE);
            System.exit(2);
        } catch (IllegalStateException | UncheckedIOException e) {
            // Start-up failed; the shutdown hook stops whatever did start.
            System.err.println("shequn: " + e.getMessage());
            System.exit(1);
        }
    }

    /** Starts everything and blocks until the JVM is asked to stop (Ctrl-C or SIGTERM). */
    void up(List<String> args) throws InterruptedException {
        Set<String> flags = new LinkedHashSet<>(args);
        boolean reset = flags.remove("--reset");
        if (!flags.isEmpty()) {
            throw new UsageException("Unknown option " + flags.iterator().next());
        }
        Path data = dataDir();
        if (reset) {
            deleteRecursively(data);
            out.println("Reset: removed " + data);
        }
        LocalStack.Settings settings = new LocalStack.Settings(data, port("SHEQUN_KAFKA_PORT", 19092),
                port("SHEQUN_KAFKA_CONTROLLER_PORT", 19093), port("SHEQUN_POSTGRES_PORT", 15432), true);
        Map<String, Integer> ports = new LinkedHashMap<>();
        for (String name : SERVICES) {
            ports.put(name, port("SHEQUN_" + name.toUpperCase() + "_PORT", 8081 + SERVICES.indexOf(name)));
        }
        PackagedSuite suite = new PackagedSuite(root, settings, ports, data.resolve("logs"));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            out.println("Stopping...");
            suite.stop();
            out.println("Stopped.");
            stopped.countDown();
        }, "shequn-stop"));

        out.println("Starting Kafka on " + settings.kafkaPort() + " and PostgreSQL on " + settings.postgresPort() + " (data in " + data + ")");
        suite.start();
        List<PackagedService> services = SERVICES.stream().map(suite::service).toList();
        for (PackagedService service : services) {
            out.println("  " + service.name() + "-service ready");
        }
        out.println();
        out.println("Shequn is up.");
        for (PackagedService service : services) {
            out.printf("  %-19s %s   Swagger UI: %s/q/swagger-ui   log: %s%n",
                    service.name() + "-service", service.baseUrl(), service.baseUrl(), service.log());
        }
        out.println("  Kafka bootstrap     localhost:" + settings.kafkaPort() + "   (for outside publishers)");
        out.println("  PostgreSQL          localhost:" + settings.postgresPort() + "   (database and user = service name)");
        out.println();
        String operatorToken = suite.stack().tokens().sign(UUID.randomUUID(), Set.of("member", "operator"), TOKEN_LIFETIME);
        out.println("Operator token (valid " + TOKEN_LIFETIME.toHours() + " h):");
        out.println(operatorToken);
        out.println();
        // The token rides in the fragment, which the browser never sends to a server; the page moves it to the tab's storage.
        String analytics = services.get(SERVICES.indexOf("analytics")).baseUrl();
        out.println("Dashboard, signed in as an operator:");
        out.println(analytics + "/dashboard/#token=" + operatorToken);
        out.println();
        out.println("Press Ctrl-C to stop.");
        stopped.await();
    }

    /** A token signed with the key in the data folder, the one {@code up} configures the services with. */
    String token(List<String> args) {
        UUID member = null;
        boolean operator = false;
        for (int i = 0; i < args.size(); i++) {
            switch (args.get(i)) {
                case "--member" -> {
                    if (i + 1 >= args.size()) {
                        throw new UsageException("--member needs a member id");
                    }
                    try {
                        member = UUID.fromString(args.get(++i));
                    } catch (IllegalArgumentException e) {
                        throw new UsageException("Not a UUID: " + args.get(i));
                    }
                }
                case "--operator" -> operator = true;
                default -> throw new UsageException("Unknown option " + args.get(i));
            }
        }
        if (member == null) {
            throw new UsageException("token needs --member <uuid>");
        }
        Set<String> roles = operator ? Set.of("member", "operator") : Set.of("member");
        return new DevTokens(DevKeys.in(dataDir().resolve("keys"))).sign(member, roles, TOKEN_LIFETIME);
    }

    /** The suite {@code up} starts with this environment, or the addresses given as options. */
    SuiteEndpoints suite(Map<String, String> options) {
        SuiteEndpoints local = SuiteEndpoints.localhost(port("SHEQUN_MEMBER_PORT", 8081), port("SHEQUN_GROUP_PORT", 8082),
                port("SHEQUN_ENGAGEMENT_PORT", 8083), port("SHEQUN_ANALYTICS_PORT", 8084), port("SHEQUN_KAFKA_PORT", 19092), dataDir());
        return new SuiteEndpoints(options.getOrDefault("--member-url", local.memberUrl()), options.getOrDefault("--group-url", local.groupUrl()),
                options.getOrDefault("--engagement-url", local.engagementUrl()), options.getOrDefault("--analytics-url", local.analyticsUrl()),
                options.getOrDefault("--kafka", local.kafkaBootstrap()), local.tokens(), List.of());
    }

    private Path dataDir() {
        String configured = env.get("SHEQUN_DATA");
        return configured == null || configured.isBlank() ? root.resolve(".shequn") : root.resolve(configured).normalize();
    }

    private int port(String variable, int defaultPort) {
        String value = env.get(variable);
        if (value == null || value.isBlank()) {
            return defaultPort;
        }
        try {
            int port = Integer.parseInt(value.strip());
            if (port < 1 || port > 65535) {
                throw new NumberFormatException();
            }
            return port;
        } catch (NumberFormatException e) {
            throw new UsageException(variable + " must be a port number, not " + value);
        }
    }

    private static void deleteRecursively(Path dir) {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("Could not reset " + dir, e);
        }
    }

    static final class UsageException extends RuntimeException {
        UsageException(String message) {
            super(message);
        }
    }
}
