package io.shequn.analytics.overview;

import io.shequn.platform.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

@Path("/api/v1/analytics/overview")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Analytics")
@SecurityRequirement(name = "SecurityScheme")
public class OverviewResource {

    @Inject
    OverviewService overviews;

    @GET
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Suite-wide figures (operator)")
    public Overview overview() {
        return overviews.overview();
    }
}
