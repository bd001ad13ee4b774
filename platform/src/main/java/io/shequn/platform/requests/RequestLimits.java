package io.shequn.platform.requests;

import io.shequn.platform.problem.ProblemException;
import jakarta.ws.rs.Priorities;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import java.util.List;
import java.util.Map;

/**
 * Checks every request: a URL longer than {@value #MAX_URL_LENGTH} characters is 414 before it
 * is matched, and a query parameter holding a NUL character (which no database text column
 * stores) is a 400 naming it, after the caller's audience is checked ({@code AccessFilter}), so a
 * caller without rights learns nothing about what would pass. Bodies are checked by {@link StrictJson}.
 */
public class RequestLimits {

    /** Below the HTTP layer's own line limit (quarkus.http.limits.max-initial-line-length), so the answer is a problem. */
    public static final int MAX_URL_LENGTH = 8192;

    @ServerRequestFilter(preMatching = true)
    public void checkLength(ContainerRequestContext request) {
        String raw = request.getUriInfo().getRequestUri().toString();
        if (raw.length() > MAX_URL_LENGTH) {
            throw new ProblemException(414, "uri-too-long", "URI too long",
                    "The URL has " + raw.length() + " characters; at most " + MAX_URL_LENGTH + " are accepted");
        }
    }

    @ServerRequestFilter(priority = Priorities.USER)
    public void checkQuery(UriInfo uri) {
        for (Map.Entry<String, List<String>> parameter : uri.getQueryParameters().entrySet()) {
            for (String value : parameter.getValue()) {
                if (value.indexOf('\0') >= 0) {
                    throw ProblemException.invalid(parameter.getKey(), StrictJson.NUL_MESSAGE);
                }
            }
        }
    }
}
