package io.shequn.platform.problem;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A business rule refused the request. Thrown from the service layer; answered as problem+json
 * with this status. {@code slug} names the problem type: {@code https://shequn.io/problems/<slug>}.
 * {@code violations} name the fields at fault, for a 400 written in code as for one found by
 * Bean Validation.
 */
public class ProblemException extends RuntimeException {

    private final int status;
    private final String slug;
    private final String title;
    private final List<Problem.Violation> violations;
    private Integer retryAfterSeconds;

    public ProblemException(int status, String slug, String title, String detail) {
        this(status, slug, title, detail, null);
    }

    public ProblemException(int status, String slug, String title, String detail, List<Problem.Violation> violations) {
        super(detail);
        this.status = status;
        this.slug = slug;
        this.title = title;
        this.violations = violations == null ? null : List.copyOf(violations);
    }

    /** A 400 for one field (or parameter) checked in code: {@code invalid("to", "must be on or after from")}. */
    public static ProblemException invalid(String field, String message) {
        return invalid(List.of(new Problem.Violation(field, message)));
    }

    public static ProblemException invalid(List<Problem.Violation> violations) {
        String detail = violations.stream().map(v -> v.field() + ": " + v.message()).collect(Collectors.joining("; "));
        return new ProblemException(400, "validation", "Invalid request", detail, violations);
    }

    /** The same request may succeed if sent again after that long: answered with a {@code Retry-After} header. */
    public ProblemException retryAfter(int seconds) {
        this.retryAfterSeconds = seconds;
        return this;
    }

    public static ProblemException notFound(String what, Object id) {
        return new ProblemException(404, "not-found", "Not found", what + " " + id + " does not exist");
    }

    public static ProblemException conflict(String slug, String detail) {
        return new ProblemException(409, slug, "Conflict", detail);
    }

    public static ProblemException forbidden(String detail) {
        return new ProblemException(403, "forbidden", "Forbidden", detail);
    }

    public int status() {
        return status;
    }

    public String slug() {
        return slug;
    }

    public String title() {
        return title;
    }

    /** The fields at fault, or null when the problem is not about particular fields. */
    public List<Problem.Violation> violations() {
        return violations;
    }

    /** Seconds for {@code Retry-After}, or null when retrying would not help. */
    public Integer retryAfterSeconds() {
        return retryAfterSeconds;
    }
}
