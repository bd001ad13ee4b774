package io.shequn.localstack;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

/**
 * Everything the test JVM logs (the service under test included, through the JUL root logger that
 * Quarkus's log manager backs) while open: each record's message, its parameters and the whole
 * chain of any exception logged with it, {@link SQLException#getNextException()} included, as one
 * line per record. For proving that logs never carry personal data.
 */
public final class LogCapture implements AutoCloseable {

    private final List<String> lines = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            StringBuilder line = new StringBuilder(record.getLoggerName() + ": " + record.getMessage())
                    .append(' ').append(Arrays.toString(record.getParameters()));
            for (Throwable thrown = record.getThrown(); thrown != null && thrown.getCause() != thrown; thrown = thrown.getCause()) {
                line.append(" | ").append(thrown);
                if (thrown instanceof SQLException sql && sql.getNextException() != null) {
                    line.append(" | next: ").append(sql.getNextException());
                }
            }
            lines.add(line.toString());
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    private LogCapture() {
        handler.setLevel(Level.ALL);
        Logger.getLogger("").addHandler(handler);
    }

    public static LogCapture start() {
        return new LogCapture();
    }

    /** The lines logged so far. */
    public List<String> lines() {
        return List.copyOf(lines);
    }

    /** The lines that contain any of {@code values}. */
    public List<String> linesContaining(java.util.Collection<String> values) {
        return lines.stream().filter(line -> values.stream().anyMatch(line::contains)).toList();
    }

    @Override
    public void close() {
        Logger.getLogger("").removeHandler(handler);
    }
}
