package io.shequn.localstack;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * Kafka, PostgreSQL and the development keys, started together. Tests share one per JVM
 * ({@link #shared()}); {@code ./shequn up} starts one on fixed ports with a kept data folder.
 */
public final class LocalStack {

    /** Where and how to run. Ports are fixed for {@code ./shequn up}, free ones for tests. */
    public record Settings(Path dir, int kafkaPort, int kafkaControllerPort, int postgresPort, boolean durable) {

        public static Settings forTests() {
            try {
                Path dir = Files.createTempDirectory("shequn-test-stack-");
                return new Settings(dir, Ports.free(), Ports.free(), Ports.free(), false);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
    }

    private static LocalStack shared;

    private final Settings settings;
    private final KafkaBroker kafka;
    private final PostgresServer postgres;
    private final DevKeys keys;

    private LocalStack(Settings settings) {
        this.settings = settings;
        this.kafka = new KafkaBroker(settings.dir().resolve("kafka"), settings.kafkaPort(), settings.kafkaControllerPort());
        this.postgres = new PostgresServer(settings.dir().resolve("postgres"), settings.postgresPort(), settings.durable());
        this.keys = DevKeys.in(settings.dir().resolve("keys"));
    }

    /** Starts PostgreSQL and Kafka (in parallel: together they are most of a test JVM's start-up). */
    public static LocalStack start(Settings settings) {
        LocalStack stack = new LocalStack(settings);
        Thread postgresStarter = new Thread(stack.postgres::start, "postgres-starter");
        RuntimeException[] failure = new RuntimeException[1];
        postgresStarter.setUncaughtExceptionHandler((t, e) -> failure[0] = e instanceof RuntimeException r ? r : new IllegalStateException(e));
        postgresStarter.start();
        try {
            stack.kafka.start();
            postgresStarter.join();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (RuntimeException e) {
            stack.stop();
            throw e;
        }
        if (failure[0] != null) {
            stack.stop();
            throw failure[0];
        }
        return stack;
    }

    /** The one stack of this test JVM, started on first use and stopped when the JVM exits. */
    public static synchronized LocalStack shared() {
        if (shared == null) {
            LocalStack stack = start(Settings.forTests());
            Runtime.getRuntime().addShutdownHook(new Thread(stack::stop, "local-stack-stop"));
            shared = stack;
        }
        return shared;
    }

    public KafkaBroker kafka() {
        return kafka;
    }

    public PostgresServer postgres() {
        return postgres;
    }

    public DevKeys keys() {
        return keys;
    }

    public DevTokens tokens() {
        return new DevTokens(keys);
    }

    public Settings settings() {
        return settings;
    }

    /**
     * The standard Quarkus properties that point a service at this stack; the same names are the
     * environment variables of a production deployment (QUARKUS_DATASOURCE_JDBC_URL, ...).
     */
    public Map<String, String> serviceConfig(String service) {
        postgres.createDatabase(service);
        Map<String, String> config = new LinkedHashMap<>();
        config.put("quarkus.datasource.jdbc.url", postgres.jdbcUrl(service));
        config.put("quarkus.datasource.username", service);
        config.put("quarkus.datasource.password", service);
        config.put("kafka.bootstrap.servers", kafka.bootstrapServers());
        config.put("mp.jwt.verify.publickey.location", keys.publicKeyFile().toUri().toString());
        config.put("mp.jwt.verify.issuer", DevKeys.ISSUER);
        return config;
    }

    public void stop() {
        try {
            kafka.stop();
        } finally {
            postgres.stop();
        }
    }
}
