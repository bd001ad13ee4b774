package io.shequn.platform.requests;

import io.quarkus.runtime.configuration.MemorySize;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.json.JsonObject;
import io.vertx.ext.web.Router;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * A body announced larger than {@code quarkus.http.limits.max-body-size} is refused with a 413
 * problem before it is read (and before a client that asked "Expect: 100-continue" sends it).
 * The HTTP layer would refuse it too, a step later and without a body; this route runs first.
 */
@ApplicationScoped
public class BodyLimit {

    /** Just before the HTTP layer's own upload limit (RouteConstants.ROUTE_ORDER_UPLOAD_LIMIT = -2). */
    private static final int ORDER = -3;

    @ConfigProperty(name = "quarkus.http.limits.max-body-size", defaultValue = "10240K")
    MemorySize maxBodySize;

    void install(@Observes Router router) {
        long limit = maxBodySize.asLongValue();
        router.route().order(ORDER).handler(context -> {
            String length = context.request().getHeader(HttpHeaders.CONTENT_LENGTH);
            long announced;
            try {
                announced = length == null ? -1 : Long.parseLong(length.trim());
            } catch (NumberFormatException e) {
                announced = -1;
            }
            if (announced <= limit) {
                context.next();
                return;
            }
            String problem = new JsonObject()
                    .put("type", "https://shequn.io/problems/payload-too-large")
                    .put("title", "Payload too large")
                    .put("status", 413)
                    .put("detail", "The body has " + announced + " bytes; at most " + limit + " are accepted")
                    .put("instance", context.request().path())
                    .encode();
            // The unread body stays on the connection: close it once the answer is out, as the HTTP layer does.
            context.response().endHandler(done -> context.request().connection().close());
            context.response().setStatusCode(413)
                    .putHeader(HttpHeaders.CONTENT_TYPE, "application/problem+json")
                    .putHeader(HttpHeaders.CONNECTION, "close")
                    .end(problem);
        });
    }
}
