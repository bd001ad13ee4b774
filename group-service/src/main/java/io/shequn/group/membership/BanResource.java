package io.shequn.group.membership;

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
import jakarta.ws.rs.DELETE;
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

@Path("/api/v1/groups/{groupId}/bans")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Membership", description = "Joining, applications, leaving, removals and bans")
@SecurityRequirement(name = "SecurityScheme")
public class BanResource {

    @Inject
    MembershipService memberships;

    @POST
    @RolesAllowed({Roles.MEMBER, Roles.OPERATOR})
    @Allowed(Audience.GROUP_MANAGERS)
    @Operation(summary = "Ban a member (owner/admins, below their rank; operators)",
            description = "A current member leaves with member-left reason BANNED; a banned member cannot rejoin until unbanned.")
    @APIResponse(responseCode = "201", description = "Banned",
            content = @Content(schema = @Schema(implementation = BanResponse.class)))
    @APIResponse(responseCode = "403", description = "The permission matrix does not allow this ban")
    @APIResponse(responseCode = "409", description = "Already banned")
    public Response ban(@PathParam("groupId") UUID groupId, @Valid @NotNull BanRequest request) {
        return Response.status(201).entity(memberships.ban(groupId, request)).build();
    }

    @GET
    @RolesAllowed({Roles.MEMBER, Roles.OPERATOR})
    @Allowed(Audience.GROUP_MANAGERS)
    @Operation(summary = "Banned members (owner, admins, operators)")
    @APIResponse(responseCode = "200", description = "A page of bans")
    public Page<BanResponse> list(@PathParam("groupId") UUID groupId, @BeanParam @Valid PageRequest page) {
        return memberships.bans(groupId, page);
    }

    @DELETE
    @Path("/{memberId}")
    @RolesAllowed({Roles.MEMBER, Roles.OPERATOR})
    @Allowed(Audience.GROUP_MANAGERS)
    @Operation(summary = "Unban (owner, admins, operators); the member may join again")
    @APIResponse(responseCode = "204", description = "Unbanned")
    @APIResponse(responseCode = "404", description = "Not banned")
    public void unban(@PathParam("groupId") UUID groupId, @PathParam("memberId") UUID memberId) {
        memberships.unban(groupId, memberId);
    }
}
