package io.shequn.platform.auth;

import jakarta.ws.rs.core.UriInfo;

import java.util.Optional;
import java.util.UUID;

/**
 * A refusal that follows from who the caller is towards what the path names, beyond the
 * operation's {@link Audience}: a member banned from the group they join, an admin acting on a
 * member of higher rank. Named by {@link Allowed#checks()}, run by {@link AccessFilter} after the
 * audience and before the body is read, so such a caller gets 403 whatever they send. Operators
 * are checked too: a check decides what they may do.
 *
 * <p>A refusal that depends on the body itself (the currency of a red packet, the role given) can
 * only follow reading it; it stays in the service and answers 403 once the body is readable.
 */
public interface CallerCheck {

    /** Throws a 403 {@link io.shequn.platform.problem.ProblemException} when the caller may not make this request. */
    void check(UriInfo uri, Caller caller);

    /** The path parameter as a UUID; empty when it is not one (the resource answers 404 for it). */
    static Optional<UUID> pathId(UriInfo uri, String name) {
        String value = uri.getPathParameters().getFirst(name);
        if (value == null) {
            throw new IllegalStateException(uri.getPath() + " has no path parameter {" + name + "}");
        }
        try {
            return Optional.of(UUID.fromString(value));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
