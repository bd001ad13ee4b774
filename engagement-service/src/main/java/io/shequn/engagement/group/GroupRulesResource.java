package io.shequn.engagement.group;

import io.shequn.platform.auth.Caller;
import io.shequn.platform.auth.Allowed;
import io.shequn.platform.auth.Audience;
import io.shequn.platform.auth.Roles;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1/groups/{groupId}/engagement-rules")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Group engagement rules", description = "How a group's check-ins and messages earn points")
@SecurityRequirement(name = "SecurityScheme")
public class GroupRulesResource {

    @Inject
    GroupSettingsService groups;

    @Inject
    Caller caller;

    @GET
    @RolesAllowed({Roles.MEMBER, Roles.OPERATOR})
    @Allowed(Audience.GROUP_MEMBERS)
    @Operation(summary = "The group's time zone and how check-ins and messages earn points (members, operators)")
    @APIResponse(responseCode = "200", description = "The rules",
            content = @Content(schema = @Schema(implementation = GroupSettingsResponse.class)))
    @APIResponse(responseCode = "403", description = "Not a member of the group")
    public GroupSettingsResponse get(@PathParam("groupId") UUID groupId) {
        return groups.get(groupId, caller);
    }

    @PUT
    @RolesAllowed({Roles.MEMBER, Roles.OPERATOR})
    @Allowed(Audience.GROUP_MANAGERS)
    @Operation(summary = "Change the group's engagement rules (owner, admins, operators)")
    @APIResponse(responseCode = "200", description = "The rules now",
            content = @Content(schema = @Schema(implementation = GroupSettingsResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid rules")
    @APIResponse(responseCode = "403", description = "Not the owner, an admin or an operator")
    public GroupSettingsResponse update(@PathParam("groupId") UUID groupId, @Valid @NotNull GroupRulesRequest request) {
        return groups.update(groupId, request, caller);
    }
}
