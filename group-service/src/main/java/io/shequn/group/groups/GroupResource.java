package io.shequn.group.groups;

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
import jakarta.ws.rs.PATCH;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.util.UUID;

@Path("/api/v1/groups")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Tag(name = "Groups", description = "Groups, their setup and admission policy")
@SecurityRequirement(name = "SecurityScheme")
public class GroupResource {

    @Inject
    GroupService groups;

    @Inject
    Caller caller;

    @POST
    @RolesAllowed({Roles.MEMBER, Roles.OPERATOR})
    @Allowed(Audience.ANY_MEMBER)
    @Operation(summary = "Create a group; the caller becomes its owner",
            description = "With templateId the group is stamped from the template. Publishes group-created and "
                    + "the owner's member-joined (via OWNER).")
    @APIResponse(responseCode = "201", description = "Created",
            content = @Content(schema = @Schema(implementation = GroupResponse.class)))
    @APIResponse(responseCode = "400", description = "Invalid request; violations name the fields")
    @APIResponse(responseCode = "404", description = "No such template")
    public Response create(@Valid @NotNull CreateGroupRequest request, @Context UriInfo uri) {
        GroupResponse group = groups.create(request, caller.memberId());
        return Response.created(uri.getAbsolutePathBuilder().path(group.id().toString()).build()).entity(group).build();
    }

    @GET
    @RolesAllowed(Roles.OPERATOR)
    @Operation(summary = "All groups (operator), newest first")
    @APIResponse(responseCode = "200", description = "A page of groups")
    public Page<GroupResponse> list(@QueryParam("status") GroupStatus status, @BeanParam @Valid PageRequest page) {
        return groups.list(status, page);
    }

    @GET
    @Path("/{groupId}")
    @RolesAllowed({Roles.MEMBER, Roles.OPERATOR})
    @Allowed(Audience.ANY_MEMBER)
    @Operation(summary = "A group, with its admission policy and member count")
    @APIResponse(responseCode = "200", description = "The group",
            content = @Content(schema = @Schema(implementation = GroupResponse.class)))
    @APIResponse(responseCode = "404", description = "No such group")
    public GroupResponse get(@PathParam("groupId") UUID groupId) {
        return groups.get(groupId);
    }

    @PATCH
    @Path("/{groupId}")
    @RolesAllowed({Roles.MEMBER, Roles.OPERATOR})
    @Allowed(Audience.GROUP_MANAGERS)
    @Operation(summary = "Update a group (owner, admins, operators)", description = "Fields left out stay as they are.")
    @APIResponse(responseCode = "200", description = "The updated group",
            content = @Content(schema = @Schema(implementation = GroupResponse.class)))
    @APIResponse(responseCode = "403", description = "Not the owner or an admin")
    @APIResponse(responseCode = "409", description = "Capacity below the current member count")
    public GroupResponse update(@PathParam("groupId") UUID groupId, @Valid @NotNull UpdateGroupRequest request) {
        return groups.update(groupId, request);
    }

    @POST
    @Path("/{groupId}/archive")
    @RolesAllowed({Roles.MEMBER, Roles.OPERATOR})
    @Allowed(Audience.GROUP_OWNER)
    @Operation(summary = "Archive a group (owner, operators)", description = "An archived group admits nobody.")
    @APIResponse(responseCode = "200", description = "The archived group",
            content = @Content(schema = @Schema(implementation = GroupResponse.class)))
    @APIResponse(responseCode = "403", description = "Not the owner")
    public GroupResponse archive(@PathParam("groupId") UUID groupId) {
        return groups.archive(groupId);
    }
}
