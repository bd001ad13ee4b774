package io.shequn.analytics.dashboard;

import io.vertx.ext.web.Router;
import jakarta.enterprise.event.Observes;

/**
 * The dashboard is static files under META-INF/resources/dashboard/, served by Quarkus; its
 * relative links need the trailing slash, so {@code /dashboard} redirects to {@code /dashboard/}
 * (keeping the fragment, which carries a pasted token, is the browser's job).
 */
public class DashboardRoutes {

    void redirect(@Observes Router router) {
        router.get("/dashboard").handler(context -> {
            if (context.request().path().equals("/dashboard")) {
                String query = context.request().query();
                context.redirect("/dashboard/" + (query == null ? "" : "?" + query));
            } else {
                context.next();
            }
        });
    }
}
