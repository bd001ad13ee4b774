package io.shequn.engagement.rewards;

import io.shequn.platform.auth.Caller;
import io.shequn.platform.auth.Allowed;
import io.shequn.platform.auth.Audience;
import io.shequn.platform.auth.Roles;
import io.shequn.platform.paging.Page;
import io.shequn.platform.paging.PageRequest;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1/groups/{groupId}/rewards")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Rewards", description = "Rewards bought with points and their redemptions")
@SecurityRequirement(name = "SecurityScheme")
public class GroupRewardResource {

    @Inject
    RewardService rewards;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed({Roles.MEMBER, Roles.OPERATOR})
    @Allowed(Audience.GROUP_MANAGERS)
    @Operation(summary = "Create a reward of the group (its owner, admins, operators)")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = RewardResponse.class)))
    @APIResponse(responseCode = "403", description = "Not the owner, an admin or an operator")
    public Response create(@PathParam("groupId") UUID groupId, @Valid @NotNull CreateRewardRequest request) {
        return Response.status(201).entity(rewards.create(groupId, request, caller)).build();
    }

    @GET
    @RolesAllowed({Roles.MEMBER, Roles.OPERATOR})
    @Allowed(Audience.GROUP_MEMBERS)
    @Operation(summary = "The group's rewards (members, operators); global rewards are at /api/v1/rewards")
    @APIResponse(responseCode = "200", description = "One page of rewards")
    public Page<RewardResponse> list(@PathParam("groupId") UUID groupId, @BeanParam @Valid PageRequest page) {
        return rewards.list(groupId, page, caller);
    }
}
