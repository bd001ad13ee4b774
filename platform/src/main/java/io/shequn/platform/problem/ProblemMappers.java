package io.shequn.platform.problem;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonStreamContext;
import com.fasterxml.jackson.core.exc.InputCoercionException;
import com.fasterxml.jackson.core.exc.StreamConstraintsException;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.InvalidFormatException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import io.shequn.platform.requests.InvalidParameterException;
import io.shequn.platform.requests.StrictJson;
import io.quarkus.security.AuthenticationFailedException;
import io.shequn.platform.auth.ErasedMemberTokens;
import io.quarkus.security.ForbiddenException;
import io.quarkus.security.UnauthorizedException;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.ElementKind;
import jakarta.validation.Path;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.sql.SQLException;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** The one error mapper of every service: each failure becomes an RFC 9457 problem. */
public class ProblemMappers {

    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);

    /** Seconds a client should wait before retrying while the database is unreachable. */
    static final int RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response businessRule(ProblemException e, UriInfo uri) {
        Response response = respond(new Problem(Problem.TYPE_BASE + e.slug(), e.title(), e.status(), e.getMessage(), path(uri), e.violations()));
        if (e.retryAfterSeconds() != null) {
            response.getHeaders().putSingle(HttpHeaders.RETRY_AFTER, e.retryAfterSeconds());
        }
        return response;
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e, UriInfo uri) {
        if (isReturnValueViolation(e)) {
            // Our response broke its own contract: a bug, not the client's fault.
            return unexpected(e, uri);
        }
        List<Problem.Violation> violations = e.getConstraintViolations().stream()
                .map(v -> new Problem.Violation(fieldName(v), v.getMessage()))
                .sorted(Comparator.comparing(Problem.Violation::field).thenComparing(Problem.Violation::message))
                .toList();
        return businessRule(ProblemException.invalid(violations), uri);
    }

    /**
     * Malformed JSON, a wrong type, an unknown or repeated field, a number out of range, invalid
     * UTF-8 or text after the value. Quarkus has a built-in mapper for MismatchedInputException;
     * naming it here makes ours the closer match.
     */
    @ServerExceptionMapper({JsonProcessingException.class, MismatchedInputException.class})
    public Response unreadable(JsonProcessingException e, UriInfo uri) {
        String field = e instanceof JsonMappingException mapping ? jsonPath(mapping) : parserPath(e);
        String message;
        if (e instanceof InvalidFormatException format && format.getTargetType() != null && format.getTargetType().isEnum()) {
            message = "must be one of " + Arrays.toString(format.getTargetType().getEnumConstants());
        } else if (e instanceof InvalidFormatException format && format.getOriginalMessage() != null
                && format.getOriginalMessage().startsWith(StrictJson.REFUSED)) {
            message = format.getOriginalMessage().substring(StrictJson.REFUSED.length());
        } else if (e instanceof UnrecognizedPropertyException) {
            message = "is not a known field";
        } else if (e instanceof MismatchedInputException mismatch && String.valueOf(mismatch.getOriginalMessage()).startsWith("Trailing token")) {
            field = "body";
            message = "has content after the JSON value";
        } else if (e instanceof JsonMappingException) {
            message = "has the wrong type or format";
        } else if (e instanceof InputCoercionException || e instanceof StreamConstraintsException) {
            message = "is out of range for its type";
        } else if (String.valueOf(e.getOriginalMessage()).startsWith("Duplicate field")) {
            message = "appears more than once";
        } else if (String.valueOf(e.getOriginalMessage()).contains("UTF-8") || String.valueOf(e.getOriginalMessage()).contains("UTF8")) {
            message = "is not valid UTF-8";
        } else {
            message = "is not valid JSON";
        }
        return businessRule(ProblemException.invalid(field, message), uri);
    }

    @ServerExceptionMapper({UnauthorizedException.class, AuthenticationFailedException.class})
    public Response unauthenticated(RuntimeException e, UriInfo uri) {
        String erased = ErasedMemberTokens.erasedMemberDetail(e);
        Problem problem = erased != null
                ? new Problem(Problem.TYPE_BASE + "member-erased", "Unauthorized", 401, erased, path(uri), null)
                : new Problem(Problem.TYPE_BASE + "unauthorized", "Unauthorized", 401, "A valid bearer token is required", path(uri), null);
        return Response.status(401).type(Problem.MEDIA_TYPE).header(HttpHeaders.WWW_AUTHENTICATE, "Bearer").entity(problem).build();
    }

    @ServerExceptionMapper
    public Response forbidden(ForbiddenException e, UriInfo uri) {
        return respond(new Problem(Problem.TYPE_BASE + "forbidden", "Forbidden", 403,
                "Your role does not allow this", path(uri), null));
    }

    /**
     * JAX-RS answers a query parameter that does not convert (an unknown enum constant, a malformed
     * date or number) with 404, as if the resource did not exist; it is bad input, so 400 naming the
     * parameter. A path segment that does not convert names no resource: 404, naming the segment.
     */
    @ServerExceptionMapper
    public Response notFound(NotFoundException e, UriInfo uri) {
        Map<String, List<String>> query = uri == null ? Map.of() : uri.getQueryParameters();
        String parameter = e.getCause() instanceof InvalidParameterException invalid && !invalid.inPath()
                ? invalid.parameter() : unconvertible(e.getCause(), query);
        if (parameter != null && query.containsKey(parameter)) {
            return businessRule(ProblemException.invalid(parameter, "'" + query.get(parameter).get(0) + "' is not a valid value"), uri);
        }
        String segment = e.getCause() instanceof InvalidParameterException invalid ? invalid.parameter()
                : unconvertible(e.getCause(), uri == null ? Map.of() : uri.getPathParameters());
        if (segment != null) {
            return respond(new Problem(Problem.TYPE_BASE + "not-found", "Not found", 404,
                    segment + ": '" + uri.getPathParameters().getFirst(segment) + "' names nothing here", path(uri), null));
        }
        return web(e, uri);
    }

    /** A header that does not convert (a malformed Idempotency-Key) is a 400 naming the header. */
    @ServerExceptionMapper
    public Response badRequest(BadRequestException e, UriInfo uri, HttpHeaders headers) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return unreadable(json, uri);
        }
        if (e.getCause() instanceof InvalidParameterException invalid) {
            return businessRule(ProblemException.invalid(invalid.parameter(), invalid.getMessage()), uri);
        }
        String header = headers == null ? null : unconvertible(e.getCause(), headers.getRequestHeaders());
        return businessRule(ProblemException.invalid(header != null ? header : "request",
                header != null ? "is not a valid value" : String.valueOf(e.getMessage())), uri);
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, UriInfo uri) {
        if (e.getCause() instanceof JsonProcessingException json) {
            // The JSON reader wraps what the parser refuses (malformed JSON, a repeated field, invalid UTF-8).
            return unreadable(json, uri);
        }
        int status = e.getResponse().getStatus();
        if (status >= 500) {
            return unexpected(e, uri);
        }
        Response.StatusType type = e.getResponse().getStatusInfo();
        List<Problem.Violation> violations = status == 400 ? List.of(new Problem.Violation("request", String.valueOf(e.getMessage()))) : null;
        return respond(new Problem(Problem.TYPE_BASE + slug(type.getReasonPhrase()), type.getReasonPhrase(), status,
                e.getMessage(), path(uri), violations));
    }

    @ServerExceptionMapper
    public Response unexpected(Throwable e, UriInfo uri) {
        String errorId = UUID.randomUUID().toString();
        if (isDatabaseUnavailable(e)) {
            LOG.warnf("Database unavailable (error %s on %s): %s", errorId, path(uri), Failures.describe(e));
            return Response.status(503).type(Problem.MEDIA_TYPE).header(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS)
                    .entity(new Problem(Problem.TYPE_BASE + "unavailable", "Service unavailable", 503,
                            "The database is not reachable; retry in a few seconds (error id " + errorId + ")", path(uri), null))
                    .build();
        }
        LOG.errorf(Failures.redacted(e), "Unexpected error %s on %s: %s", errorId, path(uri), Failures.describe(e));
        return respond(new Problem(Problem.TYPE_BASE + "internal", "Internal error", 500,
                "Something went wrong on our side; error id " + errorId, path(uri), null));
    }

    private static Response respond(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }

    /**
     * A lost or refused connection (SQL state class 08), a server shutting down or starting up
     * (57P01-57P03), or no pooled connection within the acquisition timeout: worth retrying.
     */
    static boolean isDatabaseUnavailable(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause() == cause ? null : cause.getCause()) {
            if (cause instanceof SQLException sql) {
                String state = sql.getSQLState();
                if (state != null && (state.startsWith("08") || state.startsWith("57P"))) {
                    return true;
                }
                if (String.valueOf(sql.getMessage()).startsWith("Acquisition timeout")) {
                    return true;
                }
            }
            if (cause.getClass().getName().equals("org.hibernate.exception.JDBCConnectionException")) {
                return true;
            }
        }
        return false;
    }

    private static boolean isReturnValueViolation(ConstraintViolationException e) {
        return e.getConstraintViolations().stream()
                .flatMap(v -> java.util.stream.StreamSupport.stream(v.getPropertyPath().spliterator(), false))
                .anyMatch(node -> node.getKind() == ElementKind.RETURN_VALUE);
    }

    /** The parameter whose value the converter refused, found by the value in the converter's message. */
    private static String unconvertible(Throwable cause, Map<String, List<String>> parameters) {
        if (cause == null || cause.getMessage() == null) {
            return null;
        }
        for (var parameter : parameters.entrySet()) {
            for (String value : parameter.getValue()) {
                if (!value.isEmpty() && cause.getMessage().contains(value)) {
                    return parameter.getKey();
                }
            }
        }
        return null;
    }

    /**
     * {@code register.request.displayName} → {@code displayName}; {@code search.size} → {@code size};
     * {@code create.request.prizes[0].quantity} → {@code prizes[0].quantity}.
     * Resources name their body parameter {@code request}; a missing body is reported as {@code body}.
     */
    static String fieldName(ConstraintViolation<?> violation) {
        StringBuilder field = new StringBuilder();
        String parameter = null;
        for (Path.Node node : violation.getPropertyPath()) {
            if (node.getKind() == ElementKind.PARAMETER) {
                parameter = node.getName();
            } else if (node.getKind() == ElementKind.PROPERTY || node.getKind() == ElementKind.CONTAINER_ELEMENT) {
                // A node's index or key is its place in the container before it: prizes[0].quantity, tags[3].
                if (node.isInIterable() && node.getIndex() != null) {
                    field.append('[').append(node.getIndex()).append(']');
                } else if (node.isInIterable() && node.getKey() != null) {
                    field.append('[').append(node.getKey()).append(']');
                }
                if (node.getName() != null && !node.getName().startsWith("<")) {
                    if (!field.isEmpty()) {
                        field.append('.');
                    }
                    field.append(node.getName());
                }
            }
        }
        if (!field.isEmpty()) {
            return field.toString();
        }
        if ("request".equals(parameter)) {
            return "body";
        }
        return parameter != null ? parameter : "request";
    }

    private static String jsonPath(JsonMappingException e) {
        StringBuilder field = new StringBuilder();
        for (JsonMappingException.Reference reference : e.getPath()) {
            if (reference.getFieldName() != null) {
                if (!field.isEmpty()) {
                    field.append('.');
                }
                field.append(reference.getFieldName());
            } else if (reference.getIndex() >= 0) {
                field.append('[').append(reference.getIndex()).append(']');
            }
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    /** Where the parser was when it failed: {@code admission.entryFee.amount}, {@code mentions[2]}, or {@code body}. */
    private static String parserPath(JsonProcessingException e) {
        if (!(e instanceof StreamReadException read) || read.getProcessor() == null) {
            return "body";
        }
        JsonParser parser = read.getProcessor();
        List<String> segments = new java.util.ArrayList<>();
        for (JsonStreamContext context = parser.getParsingContext(); context != null && !context.inRoot(); context = context.getParent()) {
            if (context.inObject() && context.getCurrentName() != null) {
                segments.add(0, context.getCurrentName());
            } else if (context.inArray() && context.getCurrentIndex() >= 0) {
                segments.add(0, "[" + context.getCurrentIndex() + "]");
            }
        }
        StringBuilder field = new StringBuilder();
        for (String segment : segments) {
            if (!field.isEmpty() && !segment.startsWith("[")) {
                field.append('.');
            }
            field.append(segment);
        }
        return field.isEmpty() ? "body" : field.toString();
    }

    private static String slug(String reasonPhrase) {
        return reasonPhrase == null ? "error" : reasonPhrase.toLowerCase().replaceAll("[^a-z0-9]+", "-");
    }

    private static String path(UriInfo uri) {
        return uri == null ? null : uri.getRequestUri().getRawPath();
    }
}
