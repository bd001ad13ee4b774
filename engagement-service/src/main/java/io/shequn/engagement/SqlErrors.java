package io.shequn.engagement;

import java.sql.SQLException;

/** Recognises database refusals that a service answers as a business outcome rather than an error. */
public final class SqlErrors {

    private static final String UNIQUE_VIOLATION = "23505";

    private SqlErrors() {
    }

    /** Whether {@code error} (or a cause) is PostgreSQL refusing a duplicate in the unique index or constraint {@code constraint}. */
    public static boolean isUniqueViolation(Throwable error, String constraint) {
        for (Throwable cause = error; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && UNIQUE_VIOLATION.equals(sql.getSQLState())
                    && sql.getMessage() != null && sql.getMessage().contains("\"" + constraint + "\"")) {
                return true;
            }
        }
        return false;
    }
}
