package io.shequn.platform.problem;

import java.sql.SQLException;

/**
 * What may be logged of a failure. Drivers and libraries put bound values into their messages
 * (PostgreSQL's "Batch entry 0 update member set bio=..., email=..."; "Failing row contains ..."),
 * so logs get each cause's class and SQL state with the stack trace, never a message.
 */
public final class Failures {

    private Failures() {
    }

    /** A copy of the cause chain whose messages are only class names and SQL states; stack traces are kept. */
    public static Throwable redacted(Throwable failure) {
        return redacted(failure, 0);
    }

    /** The first SQL state in the cause chain, or null. */
    public static String sqlState(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                return sql.getSQLState();
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return null;
    }

    /** "ConstraintViolationException ← BatchUpdateException [SQL state 23514]": safe to log. */
    public static String describe(Throwable failure) {
        StringBuilder chain = new StringBuilder();
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 10; cause = cause.getCause(), depth++) {
            if (!chain.isEmpty()) {
                chain.append(" ← ");
            }
            chain.append(cause.getClass().getSimpleName());
            if (cause instanceof SQLException sql && sql.getSQLState() != null) {
                chain.append(" [SQL state ").append(sql.getSQLState()).append(']');
            }
            if (cause.getCause() == cause) {
                break;
            }
        }
        return chain.toString();
    }

    private static Throwable redacted(Throwable failure, int depth) {
        String label = failure.getClass().getName();
        if (failure instanceof SQLException sql && sql.getSQLState() != null) {
            label += " [SQL state " + sql.getSQLState() + "]";
        }
        Throwable cause = failure.getCause() == null || failure.getCause() == failure || depth >= 10
                ? null : redacted(failure.getCause(), depth + 1);
        Redacted copy = new Redacted(label, cause);
        copy.setStackTrace(failure.getStackTrace());
        return copy;
    }

    /** Stands in for a logged exception: its message is the original's class name. */
    static final class Redacted extends RuntimeException {
        Redacted(String label, Throwable cause) {
            super(label, cause);
        }

        @Override
        public String toString() {
            return getMessage();
        }
    }
}
