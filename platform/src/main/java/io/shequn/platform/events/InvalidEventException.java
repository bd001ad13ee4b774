package io.shequn.platform.events;

/** An event that cannot be read or does not meet its contract; it goes to the dead-letter topic. */
public class InvalidEventException extends Exception {

    private final String reason;

    /** @param reason a short, stable, metric-friendly cause such as {@code unparseable} or {@code schema-invalid} */
    public InvalidEventException(String reason, String message) {
        super(message);
        this.reason = reason;
    }

    public InvalidEventException(String reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public String reason() {
        return reason;
    }
}
