package io.shequn.analytics.overview;

import io.shequn.analytics.access.GroupAccess;
import io.shequn.analytics.groups.DayWindow;
import io.shequn.platform.auth.Allowed;
import io.shequn.platform.auth.Audience;
import io.shequn.platform.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;

@Path("/api/v1/analytics/overview")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Analytics", description = "Suite-wide figures and rebuilding the read models")
@SecurityRequirement(name = "SecurityScheme")
public class OverviewResource {

    @Inject
    OverviewService overviews;

    @Inject
    OverviewTrend trends;

    @Inject
    GroupAccess access;

    @GET
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "Suite-wide figures (operator)")
    public Overview overview() {
        return overviews.overview();
    }

    @GET
    @Path("/trend")
    @RolesAllowed({Roles.OPERATOR, Roles.MEMBER})
    @Allowed(Audience.ANY_MEMBER)
    @Operation(summary = "DAU, WAU, MAU, counters and GMV per day across groups (operator: all groups; members: the groups they own or administer)",
            description = "A member active in several groups counts once a day. Days are each group's calendar days; purchases credited "
                    + "to no group count for operators, on their day in Asia/Shanghai. At most 366 days.")
    @APIResponse(responseCode = "200", description = "The trend")
    @APIResponse(responseCode = "400", description = "Invalid parameters")
    public OverviewTrend.Trend trend(@Parameter(example = "2026-09-25") @QueryParam("from") LocalDate from,
                                     @Parameter(example = "2026-11-23") @QueryParam("to") LocalDate to) {
        DayWindow window = DayWindow.of(from, to);
        return trends.trend(window, access.isOperator() ? null : access.managedGroups());
    }
}
