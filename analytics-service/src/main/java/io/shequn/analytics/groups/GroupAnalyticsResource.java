package io.shequn.analytics.groups;

import io.shequn.platform.auth.Roles;
import io.shequn.platform.problem.ProblemException;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;

@Path("/api/v1/analytics/groups/{groupId}")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Group analytics")
@SecurityRequirement(name = "SecurityScheme")
@APIResponse(responseCode = "400", description = "Invalid parameters")
@APIResponse(responseCode = "403", description = "Not an operator")
public class GroupAnalyticsResource {

    static final int MAX_DAYS = 366;

    @Inject
    GroupAnalytics analytics;

    @GET
    @Path("/summary")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "A group's activity on a day (operator)",
            description = "Members, DAU, WAU, MAU, stickiness, silent members and the last active day; day defaults to today in the group's time zone.")
    public GroupSummary summary(@PathParam("groupId") UUID group,
                                @Parameter(example = "2026-11-23") @QueryParam("day") LocalDate day) {
        return analytics.summary(group, day);
    }

    @GET
    @Path("/timeseries")
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "One metric per day (operator)", description = "At most 366 days; days without events are 0.")
    public List<GroupAnalytics.Point> timeseries(@PathParam("groupId") UUID group,
                                                 @Parameter(example = "DAU") @QueryParam("metric") @NotNull GroupAnalytics.Metric metric,
                                                 @Parameter(example = "2026-11-01") @QueryParam("from") @NotNull LocalDate from,
                                                 @Parameter(example = "2026-11-23") @QueryParam("to") @NotNull LocalDate to) {
        if (to.isBefore(from) || ChronoUnit.DAYS.between(from, to) >= MAX_DAYS) {
            throw new ProblemException(400, "validation", "Invalid request",
                    "to: must be on or after from and at most " + MAX_DAYS + " days after it");
        }
        return analytics.timeseries(group, metric, from, to);
    }
}
