package io.shequn.analytics.campaigns;

import io.shequn.analytics.groups.GroupAnalytics;
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
import java.util.UUID;

@Path("/api/v1/analytics/groups/{groupId}/campaigns")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Group analytics")
@SecurityRequirement(name = "SecurityScheme")
public class CampaignResource {

    @Inject
    CampaignQueries campaigns;

    @Inject
    GroupAnalytics analytics;

    @GET
    @RolesAllowed({Roles.OPERATOR, Roles.MEMBER})
    @Allowed(Audience.GROUP_MANAGERS)
    @Operation(operationId = "campaignLift", summary = "What each red packet, lottery draw and activity did to the group (operator, owner, admins)",
            description = "Campaigns whose moment (a red packet's sending, a lottery's draw, an activity's start) falls on the days from–to "
                    + "(at most 366, the group's time zone; by default the last 30 days), oldest first: active members and messages in the 24 h before and after, "
                    + "participants, those reactivated after 14 silent days and of them those active again within 7 days "
                    + "(definitions: docs/analytics.md, version 5).")
    @APIResponse(responseCode = "200", description = "One page of campaigns")
    @APIResponse(responseCode = "400", description = "Invalid window, page or size")
    @APIResponse(responseCode = "401", description = "No valid bearer token")
    @APIResponse(responseCode = "403", description = "Neither an operator nor an owner or admin of the group")
    @APIResponse(responseCode = "404", description = GroupAnalytics.UNKNOWN_GROUP)
    public Page<CampaignQueries.Lift> lift(@PathParam("groupId") UUID group,
                                           @Parameter(example = "2026-11-01", description = GroupAnalytics.DEFAULT_FROM) @QueryParam("from") LocalDate from,
                                           @Parameter(example = "2026-11-30", description = GroupAnalytics.DEFAULT_TO) @QueryParam("to") LocalDate to,
                                           @BeanParam @Valid PageRequest page) {
        return campaigns.lift(group, analytics.window(group, from, to), page);
    }
}
