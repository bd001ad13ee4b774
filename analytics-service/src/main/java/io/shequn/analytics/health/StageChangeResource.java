package io.shequn.analytics.health;

import io.shequn.analytics.access.GroupAccess;
import io.shequn.analytics.groups.DayWindow;
import io.shequn.platform.auth.Allowed;
import io.shequn.platform.auth.Audience;
import io.shequn.platform.auth.Roles;
import io.shequn.platform.paging.Page;
import io.shequn.platform.paging.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.ws.rs.BeanParam;
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

@Path("/api/v1/analytics/stage-changes")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Group analytics")
@SecurityRequirement(name = "SecurityScheme")
public class StageChangeResource {

    @Inject
    StageChanges stageChanges;

    @Inject
    GroupAccess access;

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.MEMBER})
    @Allowed(Audience.ANY_MEMBER)
    @Operation(summary = "Changes of lifecycle stage, newest first (operator: all groups; members: the groups they own or administer)",
            description = "One item per group-health-changed published, for the assessed days from from to to (at most 366 days).")
    @APIResponse(responseCode = "200", description = "A page of stage changes")
    @APIResponse(responseCode = "400", description = "Invalid parameters")
    public Page<StageChanges.StageChange> list(@Parameter(example = "2026-10-01") @QueryParam("from") LocalDate from,
                                               @Parameter(example = "2026-11-23") @QueryParam("to") LocalDate to,
                                               @BeanParam @Valid PageRequest page) {
        DayWindow window = DayWindow.of(from, to);
        return stageChanges.list(window, access.isOperator() ? null : access.managedGroups(), page);
    }
}
