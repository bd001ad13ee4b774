package io.shequn.localstack;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.regex.Pattern;

/**
 * A real PostgreSQL server from the zonky embedded binaries. Each service gets its own database
 * and its own role, as it would in production.
 */
public final class PostgresServer {

    private static final Pattern NAME = Pattern.compile("[a-z][a-z0-9_]{0,62}");

    private final Path dir;
    private final int port;
    private final boolean durable;
    private EmbeddedPostgres postgres;

    /** @param durable false for throw-away test data: skips fsync, which makes tests much faster */
    public PostgresServer(Path dir, int port, boolean durable) {
        this.dir = dir;
        this.port = port;
        this.durable = durable;
    }

    public synchronized void start() {
        if (postgres != null) {
            return;
        }
        try {
            Files.createDirectories(dir);
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setPort(port)
                    .setDataDirectory(dir.resolve("data"))
                    .setCleanDataDirectory(false)
                    .setServerConfig("max_connections", "300")
                    // The server's log reaches the tests' and `./shequn up`'s logs: a failing
                    // statement's DETAIL ("Failing row contains (...)") and STATEMENT lines would
                    // repeat personal data; the ERROR line with its SQL state is enough.
                    .setServerConfig("log_error_verbosity", "terse")
                    .setServerConfig("log_min_error_statement", "panic");
            if (!durable) {
                builder.setServerConfig("fsync", "off")
                        .setServerConfig("synchronous_commit", "off")
                        .setServerConfig("full_page_writes", "off");
            }
            postgres = builder.start();
        } catch (IOException e) {
            throw new UncheckedIOException("Could not start PostgreSQL", e);
        }
    }

    public synchronized void stop() {
        if (postgres == null) {
            return;
        }
        try {
            postgres.close();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } finally {
            postgres = null;
        }
    }

    public int port() {
        return port;
    }

    public String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    /** Creates (if missing) a database owned by a role of the same name, password = name. */
    public void createDatabase(String name) {
        if (!NAME.matcher(name).matches()) {
            throw new IllegalArgumentException("Not a valid database name: " + name);
        }
        try (Connection c = DriverManager.getConnection(jdbcUrl("postgres"), "postgres", "postgres");
             Statement s = c.createStatement()) {
            if (!exists(c, "select 1 from pg_roles where rolname = ?", name)) {
                // Quoted: "group" is a reserved word. NAME already rules out anything needing escapes.
                s.execute("create role \"" + name + "\" login password '" + name + "'");
            }
            if (!exists(c, "select 1 from pg_database where datname = ?", name)) {
                s.execute("create database \"" + name + "\" owner \"" + name + "\"");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create database " + name, e);
        }
    }

    private static boolean exists(Connection c, String sql, String name) throws SQLException {
        try (PreparedStatement p = c.prepareStatement(sql)) {
            p.setString(1, name);
            try (ResultSet r = p.executeQuery()) {
                return r.next();
            }
        }
    }
}
